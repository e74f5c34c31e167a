//! Cells for spreadsheet files (CSV) that staff open in Excel or LibreOffice.

/// A text cell that a spreadsheet will not run as a formula: text beginning with `= + - @` (or a
/// tab or carriage return) gets a leading apostrophe, as OWASP recommends against CSV injection.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Field separator and decimal mark for a UI language: `;` and `,` where spreadsheets expect a
/// decimal comma (German and most of Europe), `,` and `.` otherwise.
pub fn separators(locale: &str) -> (u8, char) {
    match locale {
        "en" | "ar" | "fa" => (b',', '.'),
        _ => (b';', ','),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("-1+2"), "'-1+2");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("Welheim"), "Welheim");
    }

    #[test]
    fn german_files_use_semicolons_and_decimal_commas() {
        assert_eq!(separators("de"), (b';', ','));
        assert_eq!(separators("en"), (b',', '.'));
    }
}
