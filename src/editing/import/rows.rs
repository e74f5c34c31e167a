//! A spreadsheet file as lines of cells: CSV with `;` or `,` (whichever the first line uses),
//! UTF-8 with or without BOM, each record with the line number a spreadsheet shows for it.

use crate::domain::offer_csv::CellIssue;

/// The largest file accepted (bytes).
pub const MAX_FILE: usize = 4 * 1024 * 1024;

/// A record: its line number (1 = the first line) and its cells.
pub type Row = (u64, Vec<String>);

/// Every record of `bytes`, or the first problem with its line (0: the whole file).
pub fn read_rows(bytes: &[u8]) -> Result<Vec<Row>, (u64, CellIssue)> {
    let whole = |reason: &str, detail| Err((0, CellIssue::new("", reason, detail)));
    if bytes.len() > MAX_FILE {
        return whole("csv_too_large", Some(format!("{} MB", MAX_FILE >> 20)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else { return whole("csv_encoding", None) };
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        match record {
            Ok(r) => rows.push((
                r.position().map_or(0, |p| lines.at(p.byte())),
                r.iter().map(str::to_owned).collect(),
            )),
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.at(p.byte()));
                return Err((line, CellIssue::new("", "csv_unreadable", Some(e.to_string()))));
            }
        }
    }
    Ok(rows)
}

/// Line numbers from byte offsets, as spreadsheets count them (the csv crate's own count, and its
/// offset, are one short after a quoted field with CRLF line ends). Offsets must not go backwards.
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self { text: text.as_bytes(), byte: 0, line: 1 }
    }

    fn at(&mut self, byte: u64) -> u64 {
        // Inclusive: after quoted fields the crate reports the record as starting on the line end.
        let to = usize::try_from(byte).unwrap_or(usize::MAX).saturating_add(1).min(self.text.len());
        if to > self.byte {
            self.line += self.text[self.byte..to].iter().filter(|b| **b == b'\n').count() as u64;
            self.byte = to;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any bytes at all: rows or a problem, never a panic.
        #[test]
        fn any_bytes_are_answered(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_rows(&bytes);
        }

        /// Whatever the cells hold (quotes, line breaks) and whichever line ends the file uses,
        /// every record comes back whole, numbered with the line it starts on.
        #[test]
        fn records_keep_their_cells_and_lines(
            records in proptest::collection::vec(proptest::collection::vec("[a-z \"\r\n]{1,8}", 1..4), 1..6),
            crlf in any::<bool>(),
            bom in any::<bool>(),
        ) {
            let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
            let mut file = if bom { b"\xEF\xBB\xBF".to_vec() } else { vec![] };
            let mut expected = Vec::new();
            for r in &records {
                let line = 1 + file.iter().filter(|b| **b == b'\n').count() as u64;
                let mut w = csv::WriterBuilder::new().terminator(terminator).from_writer(vec![]);
                w.write_record(r).unwrap();
                file.extend(w.into_inner().unwrap());
                expected.push((line, r.clone()));
            }
            prop_assert_eq!(read_rows(&file).unwrap(), expected);
        }
    }
}
