//! SVG files of a municipality's look (`logo.svg`, `favicon.svg`): images only. No script,
//! no event handlers, no embedded documents and nothing loaded from elsewhere, so that the
//! file is harmless even when opened on its own.

/// Why an SVG file may not be served as a logo or icon (with its line), if it may not.
pub(crate) fn svg_problem(text: &str) -> Option<(usize, String)> {
    let lower = text.to_ascii_lowercase();
    let line_of = |needle: &str| lower.find(needle).map_or(1, |at| super::line_at(text, at));
    let Some(start) = lower.find("<svg") else {
        return Some((1, "not an SVG image: no <svg> element".into()));
    };
    let prologue = lower[..start].replace("<?xml", "").replace("<!--", "");
    if prologue.contains('<') {
        return Some((
            1,
            "must start with <svg (after an optional XML declaration)".into(),
        ));
    }
    for bad in [
        "<script",
        "javascript:",
        "<foreignobject",
        "<!entity",
        "<iframe",
        "<use",
    ] {
        if lower.contains(bad) {
            return Some((line_of(bad), format!("may not contain {bad}")));
        }
    }
    for bad in [
        "href=\"http",
        "href='http",
        "href=\"//",
        "url(http",
        "@import",
    ] {
        if lower.contains(bad) {
            return Some((line_of(bad), "may not load anything from elsewhere".into()));
        }
    }
    if let Some(at) = event_handler(&lower) {
        return Some((
            super::line_at(text, at),
            "may not contain event handlers (on...=)".into(),
        ));
    }
    if !lower.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        return Some((
            line_of("<svg"),
            "the <svg> element needs xmlns=\"http://www.w3.org/2000/svg\"".into(),
        ));
    }
    None
}

/// The offset of an `on...=` attribute, if any.
fn event_handler(lower: &str) -> Option<usize> {
    let bytes = lower.as_bytes();
    lower.match_indices("on").map(|(at, _)| at).find(|&at| {
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        // `on` is two bytes; the attribute's name goes on from there.
        let name = at.saturating_add(2);
        let name_end = bytes
            .get(name..)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii_lowercase()))
            .map(|n| name.saturating_add(n));
        before.is_some_and(u8::is_ascii_whitespace)
            && name_end.is_some_and(|end| end > name && bytes.get(end) == Some(&b'='))
    })
}
