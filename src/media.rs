//! Logos uploaded by administrators: an SVG is drawn (resvg), a PNG or JPEG decoded (image,
//! with limits against oversized pictures), and each is scaled and stored as PNG in two sizes —
//! for screens and for print. Served at `/media/<id>-<hash>-s.png` and `-l.png`, kept forever
//! by browsers (a new upload is a new address). What residents download is never the uploaded
//! file itself, so nothing in an uploaded SVG (scripts, links to elsewhere) reaches them.

use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use image::{imageops::FilterType, ImageFormat, RgbaImage};
use sha2::{Digest, Sha256};

/// Largest upload accepted.
pub const UPLOAD_MAX: usize = 2 * 1024 * 1024;
/// Height of the screen file: twice the header's 36 px, sharp on phones.
pub const SCREEN_HEIGHT: u32 = 96;
/// Height of the print file: about 4 cm at 300 dpi.
pub const PRINT_HEIGHT: u32 = 480;
/// A logo wider than this many times its height is scaled to fit the width instead.
const WIDEST: u32 = 6;
/// Largest picture decoded, in pixels per side.
const DECODE_MAX: u32 = 8000;

/// A logo ready to store.
#[derive(Debug)]
pub struct Prepared {
    pub small: Vec<u8>,
    pub large: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub hash: String,
}

/// Why an upload cannot be a logo (the page says which, in the staff member's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageProblem {
    TooLarge,
    NotAnImage,
    /// An SVG with text in it: fonts are not drawn, the text must be turned into paths.
    SvgText,
    TooSmall,
}

/// Checks, draws or decodes, and scales an upload.
pub fn prepare(bytes: &[u8]) -> Result<Prepared, ImageProblem> {
    if bytes.len() > UPLOAD_MAX {
        return Err(ImageProblem::TooLarge);
    }
    let picture = if looks_like_svg(bytes) { draw_svg(bytes)? } else { decode(bytes)? };
    if picture.width() < 16 || picture.height() < 16 {
        return Err(ImageProblem::TooSmall);
    }
    let small = scaled(&picture, SCREEN_HEIGHT);
    let large = scaled(&picture, PRINT_HEIGHT);
    let (width, height) = small.dimensions();
    let (small, large) = (png(&small)?, png(&large)?);
    let mut digest = Sha256::new();
    digest.update(&small);
    digest.update(&large);
    let hash = digest.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    Ok(Prepared { small, large, width, height, hash })
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.contains("<svg")
}

/// Draws an SVG at the print height (or the widest width allowed).
fn draw_svg(bytes: &[u8]) -> Result<RgbaImage, ImageProblem> {
    if String::from_utf8_lossy(bytes).contains("<text") {
        return Err(ImageProblem::SvgText);
    }
    let tree = resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default())
        .map_err(|_| ImageProblem::NotAnImage)?;
    let size = tree.size();
    if size.width() <= 0.0 || size.height() <= 0.0 {
        return Err(ImageProblem::NotAnImage);
    }
    let scale = (PRINT_HEIGHT as f32 / size.height()).min((PRINT_HEIGHT * WIDEST) as f32 / size.width());
    let (w, h) = ((size.width() * scale).round() as u32, (size.height() * scale).round() as u32);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or(ImageProblem::NotAnImage)?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    // tiny-skia keeps colours premultiplied by their alpha; PNG wants them straight.
    let mut data = pixmap.take();
    for px in data.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        if a > 0 && a < 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
    RgbaImage::from_raw(w.max(1), h.max(1), data).ok_or(ImageProblem::NotAnImage)
}

/// Decodes a PNG or JPEG, refusing pictures too large to hold.
fn decode(bytes: &[u8]) -> Result<RgbaImage, ImageProblem> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| ImageProblem::NotAnImage)?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg)) {
        return Err(ImageProblem::NotAnImage);
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(DECODE_MAX);
    limits.max_image_height = Some(DECODE_MAX);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    Ok(reader.decode().map_err(|_| ImageProblem::NotAnImage)?.to_rgba8())
}

/// `picture` at `height` (never wider than `WIDEST` heights, never enlarged).
fn scaled(picture: &RgbaImage, height: u32) -> RgbaImage {
    let (w, h) = picture.dimensions();
    let scale = (f64::from(height) / f64::from(h)).min(f64::from(height * WIDEST) / f64::from(w)).min(1.0);
    let (nw, nh) =
        (((f64::from(w) * scale).round() as u32).max(1), ((f64::from(h) * scale).round() as u32).max(1));
    if (nw, nh) == (w, h) {
        return picture.clone();
    }
    image::imageops::resize(picture, nw, nh, FilterType::Lanczos3)
}

fn png(picture: &RgbaImage) -> Result<Vec<u8>, ImageProblem> {
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, ImageFormat::Png).map_err(|_| ImageProblem::NotAnImage)?;
    Ok(out.into_inner())
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/media/{file}", get(serve)).route("/{lang}/staff/identity/images", post(upload))
}

/// `POST /<lang>/staff/identity/images` (multipart: `file`, `role`, `alt`): an administrator adds
/// the city's logo or a partner's. Answers with the identity page and a notice naming the problem.
async fn upload(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    auth: crate::auth::AuthSession,
    form: axum::extract::Multipart,
) -> Response {
    use crate::domain::identity::{ImageRole, ALT_MAX};
    use crate::domain::policy::Action;
    let staff = match crate::uploads::allowed(auth, &state, &lang, Action::EditIdentity).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let upload = match crate::uploads::read(form, &["role", "alt"]).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let back = |ok: bool, key: &str| {
        let page = format!("/{lang}/staff/identity");
        axum::response::Redirect::to(&crate::serverfns::respond::with_notice(&page, ok, key)).into_response()
    };
    let role = ImageRole::from_code(&upload.text("role")).unwrap_or(ImageRole::Partner);
    let alt = upload.text("alt");
    if alt.is_empty() {
        return back(false, "image_alt_missing");
    }
    if alt.chars().count() > ALT_MAX {
        return back(false, "image_alt_long");
    }
    if upload.file.is_empty() {
        return back(false, "image_unreadable");
    }
    let file = upload.file;
    // Drawing and scaling take a moment of CPU: off the async workers.
    let prepared = match tokio::task::spawn_blocking(move || prepare(&file)).await {
        Ok(Ok(p)) => p,
        Ok(Err(problem)) => return back(false, problem.key()),
        Err(_) => return back(false, "image_unreadable"),
    };
    let Some(actor) = staff.actor.as_ref() else { return back(false, "forbidden") };
    let image = crate::db::NewImage { role, alt: &alt, files: &prepared };
    match state.db.add_identity_image(actor, &image).await {
        Ok(_) => back(true, "image_added"),
        Err(e) => {
            tracing::error!(error = %e, "storing a logo failed");
            back(false, "failed")
        }
    }
}

impl ImageProblem {
    /// The notice key naming the problem on the identity page.
    pub fn key(self) -> &'static str {
        match self {
            ImageProblem::TooLarge => "image_too_large",
            ImageProblem::NotAnImage => "image_unreadable",
            ImageProblem::SvgText => "image_svg_text",
            ImageProblem::TooSmall => "image_too_small",
        }
    }
}

/// `<id>-<hash>-s.png` or `-l.png`.
fn parse_name(file: &str) -> Option<(i64, &str, bool)> {
    let stem = file.strip_suffix(".png")?;
    let (rest, size) = stem.rsplit_once('-')?;
    let (id, hash) = rest.split_once('-')?;
    let large = match size {
        "s" => false,
        "l" => true,
        _ => return None,
    };
    Some((id.parse().ok()?, hash, large))
}

async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some((id, hash, large)) = parse_name(&file) else { return StatusCode::NOT_FOUND.into_response() };
    match state.db.get_image_png(id, hash, large).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Err(crate::db::DbError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "media failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">
        <rect width="300" height="100" fill="#0b5cad"/><circle cx="50" cy="50" r="40" fill="#ffcc00"/></svg>"##;

    /// An SVG is drawn and scaled to the two heights, keeping its shape.
    #[test]
    fn an_svg_becomes_two_pngs() {
        let p = prepare(SVG.as_bytes()).unwrap();
        assert_eq!((p.width, p.height), (288, 96));
        let large = image::load_from_memory(&p.large).unwrap();
        assert_eq!((large.width(), large.height()), (1440, 480));
        let small = image::load_from_memory(&p.small).unwrap().to_rgba8();
        assert_eq!(small.get_pixel(280, 10).0, [0x0b, 0x5c, 0xad, 255], "the blue, straight colours");
        assert_eq!(p.hash.len(), 12);
    }

    /// A PNG is scaled down, never up; small and odd uploads are refused with their reason.
    #[test]
    fn pngs_and_problems() {
        let big = RgbaImage::from_pixel(400, 200, image::Rgba([10, 20, 30, 255]));
        let p = prepare(&png(&big).unwrap()).unwrap();
        assert_eq!((p.width, p.height), (192, 96));
        assert_eq!(image::load_from_memory(&p.large).unwrap().height(), 200, "not enlarged");
        let tiny = RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 0, 255]));
        assert_eq!(prepare(&png(&tiny).unwrap()).unwrap_err(), ImageProblem::TooSmall);
        assert_eq!(prepare(b"GIF89a....").unwrap_err(), ImageProblem::NotAnImage);
        assert_eq!(prepare(b"<svg><text>Stadt</text></svg>").unwrap_err(), ImageProblem::SvgText);
        assert_eq!(prepare(&vec![0; UPLOAD_MAX + 1]).unwrap_err(), ImageProblem::TooLarge);
        // A very wide banner is scaled to fit six heights.
        let wide = RgbaImage::from_pixel(2000, 100, image::Rgba([0, 0, 0, 255]));
        assert_eq!(prepare(&png(&wide).unwrap()).unwrap().width, 576);
    }

    #[test]
    fn names() {
        assert_eq!(parse_name("12-abcdef012345-s.png"), Some((12, "abcdef012345", false)));
        assert_eq!(parse_name("12-abc-l.png"), Some((12, "abc", true)));
        assert_eq!(parse_name("12-abc-x.png"), None);
        assert_eq!(parse_name("x-abc-s.png"), None);
    }
}
