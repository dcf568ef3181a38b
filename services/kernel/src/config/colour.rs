//! Colours in theme tokens: what counts as a colour, and the WCAG 2.1 contrast ratio between
//! two, so that `loket check` refuses a theme whose text would be unreadable.

/// A parsed colour value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Colour {
    /// Red, green and blue from 0 to 255, alpha from 0 to 1.
    Rgba(f64, f64, f64, f64),
    /// A valid keyword whose colour depends on context (`currentcolor`, `inherit`, ...).
    Contextual,
}

const NAMED: &[(&str, u32)] = &[
    ("black", 0x000000),
    ("white", 0xffffff),
    ("red", 0xff0000),
    ("green", 0x008000),
    ("blue", 0x0000ff),
    ("navy", 0x000080),
    ("maroon", 0x800000),
    ("purple", 0x800080),
    ("teal", 0x008080),
    ("olive", 0x808000),
    ("gray", 0x808080),
    ("grey", 0x808080),
    ("silver", 0xc0c0c0),
    ("yellow", 0xffff00),
    ("orange", 0xffa500),
    ("darkred", 0x8b0000),
    ("darkgreen", 0x006400),
    ("darkblue", 0x00008b),
];

fn rgb(hex: u32) -> Colour {
    let [_, r, g, b] = hex.to_be_bytes();
    Colour::Rgba(f64::from(r), f64::from(g), f64::from(b), 1.0)
}

/// Parses a colour value; `None` when it is not one.
pub fn parse(value: &str) -> Option<Colour> {
    let v = value.trim().to_ascii_lowercase();
    match v.as_str() {
        "transparent" => return Some(Colour::Rgba(0.0, 0.0, 0.0, 0.0)),
        "currentcolor" | "inherit" | "initial" | "unset" | "canvas" | "canvastext" => {
            return Some(Colour::Contextual);
        }
        _ => {}
    }
    if let Some(hex) = v.strip_prefix('#') {
        return parse_hex(hex);
    }
    if let Some((_, n)) = NAMED.iter().find(|(name, _)| *name == v) {
        return Some(rgb(*n));
    }
    let (function, args) = v.strip_suffix(')')?.split_once('(')?;
    let args: Vec<&str> = args
        .split([',', ' ', '/'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    if !(3..=4).contains(&args.len()) {
        return None;
    }
    let alpha = match args.get(3) {
        Some(a) => number(a, 1.0)?,
        None => 1.0,
    };
    match function {
        "rgb" | "rgba" => Some(Colour::Rgba(
            number(args[0], 255.0)?,
            number(args[1], 255.0)?,
            number(args[2], 255.0)?,
            alpha,
        )),
        "hsl" | "hsla" => {
            let hue = args[0].trim_end_matches("deg").parse::<f64>().ok()?;
            let (s, l) = (number(args[1], 1.0)?, number(args[2], 1.0)?);
            let (r, g, b) = hsl_to_rgb(hue, s, l);
            Some(Colour::Rgba(r, g, b, alpha))
        }
        _ => None,
    }
}

/// A number, or a percentage of `scale`.
fn number(text: &str, scale: f64) -> Option<f64> {
    match text.strip_suffix('%') {
        Some(p) => p.parse::<f64>().ok().map(|p| p / 100.0 * scale),
        None => text.parse::<f64>().ok(),
    }
    .filter(|n| n.is_finite() && *n >= 0.0)
}

fn parse_hex(hex: &str) -> Option<Colour> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, width: usize| -> Option<f64> {
        let from = i.checked_mul(width)?;
        let part = hex.get(from..from.checked_add(width)?)?;
        let n = u8::from_str_radix(part, 16).ok()?;
        Some(if width == 1 {
            // One hex digit stands for two: `f` is `ff`.
            f64::from(n) * 17.0
        } else {
            f64::from(n)
        })
    };
    let width = match hex.len() {
        3 | 4 => 1,
        6 | 8 => 2,
        _ => return None,
    };
    let alpha = if hex.len() == 4 || hex.len() == 8 {
        digit(3, width)? / 255.0
    } else {
        1.0
    };
    Some(Colour::Rgba(
        digit(0, width)?,
        digit(1, width)?,
        digit(2, width)?,
        alpha,
    ))
}

fn hsl_to_rgb(hue: f64, s: f64, l: f64) -> (f64, f64, f64) {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let h = hue.rem_euclid(360.0) / 60.0;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h {
        h if h < 1.0 => (c, x, 0.0),
        h if h < 2.0 => (x, c, 0.0),
        h if h < 3.0 => (0.0, c, x),
        h if h < 4.0 => (0.0, x, c),
        h if h < 5.0 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    ((r + m) * 255.0, (g + m) * 255.0, (b + m) * 255.0)
}

fn luminance(r: f64, g: f64, b: f64) -> f64 {
    let channel = |v: f64| {
        let v = (v / 255.0).clamp(0.0, 1.0);
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The WCAG 2.1 contrast ratio of two opaque colours (1 to 21); `None` when either is
/// translucent or contextual, so that nothing is claimed about it.
pub fn contrast(a: Colour, b: Colour) -> Option<f64> {
    match (a, b) {
        (Colour::Rgba(r1, g1, b1, a1), Colour::Rgba(r2, g2, b2, a2))
            if (a1 - 1.0).abs() < f64::EPSILON && (a2 - 1.0).abs() < f64::EPSILON =>
        {
            let (l1, l2) = (luminance(r1, g1, b1), luminance(r2, g2, b2));
            let (light, dark) = if l1 > l2 { (l1, l2) } else { (l2, l1) };
            Some((light + 0.05) / (dark + 0.05))
        }
        _ => None,
    }
}
