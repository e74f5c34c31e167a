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

/// The same code as a standalone SVG file (for print shops and download).
pub fn svg_file(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(code.render::<svg::Color<'_>>().module_dimensions(8, 8).quiet_zone(true).build())
}

/// The same code as a PNG with 10-pixel modules and the four-module quiet zone: sharp at 300 dpi
/// down to about 2 cm across for a short link.
pub fn png(url: &str) -> Option<Vec<u8>> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let image = code.render::<image::Luma<u8>>().module_dimensions(10, 10).quiet_zone(true).build();
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageLuma8(image).write_to(&mut out, image::ImageFormat::Png).ok()?;
    Some(out.into_inner())
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

    /// The PNG is a PNG; the standalone SVG keeps its XML declaration.
    #[test]
    fn renders_png_and_svg_file() {
        let png = png("https://quartiersboard.example/q/welheim/ar").unwrap();
        assert_eq!(&png[1..4], b"PNG");
        assert!(svg_file("https://quartiersboard.example/q/welheim/ar").unwrap().contains("<svg"));
    }
}
