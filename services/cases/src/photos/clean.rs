//! What a photo may be: a JPEG or PNG image, its metadata removed. Only the containers are
//! read and rewritten; the image data is kept as sent, so nothing is decoded or re-encoded.

use bytes::Bytes;
use img_parts::{jpeg::Jpeg, png::Png};

/// The kinds of image accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoType {
    /// `image/jpeg`.
    Jpeg,
    /// `image/png`.
    Png,
}

impl PhotoType {
    /// The media type.
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    /// The kind whose signature `bytes` start with.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else {
            None
        }
    }
}

/// Why an upload is not a photo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotAPhoto {
    /// Neither a JPEG nor a PNG image.
    #[error("only JPEG and PNG photos are accepted")]
    Type,
    /// The declared type differs from the content.
    #[error("the content is {found}, not {declared}")]
    Mismatch {
        /// What the request said.
        declared: String,
        /// What the bytes are.
        found: &'static str,
    },
    /// The container cannot be read.
    #[error("the image cannot be read: {0}")]
    Damaged(String),
}

/// JPEG segments kept: the JFIF header (APP0), the colour profile (APP2) and Adobe's colour
/// transform (APP14), besides the image data itself (markers outside APP0..=APP15 and COM).
/// APP1 (EXIF with location, and XMP), APP13 (IPTC) and comments go.
const JPEG_APP_KEPT: [u8; 3] = [0xE0, 0xE2, 0xEE];
/// JPEG comment marker.
const JPEG_COM: u8 = 0xFE;
/// PNG chunks that carry metadata: EXIF, text and the time of last change.
const PNG_DROPPED: [&[u8; 4]; 5] = [b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"];

/// `bytes` as a photo of `declared` type (a media type, possibly with parameters), with its
/// metadata removed.
pub fn clean(declared: &str, bytes: Bytes) -> Result<(PhotoType, Bytes), NotAPhoto> {
    let kind = PhotoType::sniff(&bytes).ok_or(NotAPhoto::Type)?;
    let declared = declared
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if declared != kind.media_type() {
        return Err(NotAPhoto::Mismatch {
            declared,
            found: kind.media_type(),
        });
    }
    let cleaned = match kind {
        PhotoType::Jpeg => {
            let mut jpeg =
                Jpeg::from_bytes(bytes).map_err(|e| NotAPhoto::Damaged(e.to_string()))?;
            jpeg.segments_mut().retain(|s| {
                let marker = s.marker();
                let app = (0xE0..=0xEF).contains(&marker);
                marker != JPEG_COM && (!app || JPEG_APP_KEPT.contains(&marker))
            });
            jpeg.encoder().bytes()
        }
        PhotoType::Png => {
            let mut png = Png::from_bytes(bytes).map_err(|e| NotAPhoto::Damaged(e.to_string()))?;
            png.chunks_mut()
                .retain(|c| !PNG_DROPPED.contains(&&c.kind()));
            png.encoder().bytes()
        }
    };
    Ok((kind, cleaned))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use super::*;

    /// A camera-style JPEG: EXIF with a GPS position, and a comment.
    const JPEG: &[u8] = include_bytes!("../../../../tests/fixtures/photos/photo-with-location.jpg");
    /// A PNG with text chunks naming a place, and an EXIF chunk.
    const PNG: &[u8] = include_bytes!("../../../../tests/fixtures/photos/photo-with-text.png");

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn a_jpeg_loses_its_exif_and_comment_and_keeps_its_image() {
        assert!(contains(JPEG, b"Exif") && contains(JPEG, b"taken at home"));
        let (kind, kept) = clean("image/jpeg", Bytes::from_static(JPEG)).unwrap();
        assert_eq!(kind, PhotoType::Jpeg);
        assert!(!contains(&kept, b"Exif") && !contains(&kept, b"taken at home"));
        assert!(kept.starts_with(&[0xFF, 0xD8]) && kept.ends_with(&[0xFF, 0xD9]));
        let scan = |b: &[u8]| b.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
        assert_eq!(
            JPEG[scan(JPEG)..],
            kept[scan(&kept)..],
            "the image data is kept"
        );
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks() {
        assert!(contains(PNG, b"eXIf") && contains(PNG, b"tEXt") && contains(PNG, b"iTXt"));
        let (kind, kept) = clean("image/png; charset=binary", Bytes::from_static(PNG)).unwrap();
        assert_eq!(kind, PhotoType::Png);
        for chunk in [&b"eXIf"[..], b"tEXt", b"iTXt", b"52.2215", b"Enschede"] {
            assert!(
                !contains(&kept, chunk),
                "{}",
                String::from_utf8_lossy(chunk)
            );
        }
        assert!(contains(&kept, b"IHDR") && contains(&kept, b"IDAT") && contains(&kept, b"IEND"));
    }

    #[test]
    fn other_content_is_refused() {
        let gif = Bytes::from_static(b"GIF89a\x01\0\x01\0");
        assert_eq!(clean("image/gif", gif), Err(NotAPhoto::Type));
        let mismatch = clean("image/png", Bytes::from_static(JPEG)).unwrap_err();
        assert!(
            matches!(mismatch, NotAPhoto::Mismatch { .. }),
            "{mismatch:?}"
        );
        let cut = Bytes::from_static(&JPEG[..40]);
        assert!(matches!(
            clean("image/jpeg", cut),
            Err(NotAPhoto::Damaged(_))
        ));
        let cut = Bytes::from_static(&PNG[..PNG.len() - 20]);
        assert!(matches!(
            clean("image/png", cut),
            Err(NotAPhoto::Damaged(_))
        ));
    }

    /// Hostile uploads: every truncation of both fixtures, and every byte set to 0x00 and
    /// to 0xFF in turn, give an answer, never a panic.
    #[test]
    fn damaged_files_are_answered_not_panicked_on() {
        for (declared, fixture) in [("image/jpeg", JPEG), ("image/png", PNG)] {
            for end in 0..fixture.len() {
                let _ = clean(declared, Bytes::copy_from_slice(&fixture[..end]));
            }
            for at in 0..fixture.len() {
                for byte in [0x00, 0xFF] {
                    let mut changed = fixture.to_vec();
                    changed[at] = byte;
                    let _ = clean(declared, Bytes::from(changed));
                }
            }
        }
    }
}
