//! QR codes as inline SVG (the qrcode crate), for printed and shared links.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code of `url` with error correction M and the standard quiet zone, labelled for
/// screen readers with `label`. `None` only if the text is too long for a QR code.
pub fn svg(url: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // The renderer writes an XML declaration; inline SVG in HTML does without it.
    let body = image
        .split_once("<svg")
        .map(|(_, rest)| format!("<svg role=\"img\" aria-label=\"{}\"{rest}", escape(label)))?;
    Some(body)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A URL becomes an inline SVG with an accessible name.
    #[test]
    fn renders_svg() {
        let s = svg("https://quartiersboard.example/de/offers/muettercafe-welheim", "QR \"code\"").unwrap();
        assert!(s.starts_with("<svg role=\"img\" aria-label=\"QR &quot;code&quot;\""));
        assert!(s.contains("</svg>"));
    }
}
