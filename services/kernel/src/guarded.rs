//! A value the caller may or may not see.

/// A guarded value: visible, refused by the policy (naming the object), or not asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Guarded<T> {
    /// Readable.
    Visible(T),
    /// The policy refuses it; the object names what was refused.
    Forbidden(&'static str),
    /// Not asked for, so not read (and not logged).
    NotRequested,
}

impl<T> Guarded<T> {
    /// Visible when `allowed`, else refused for `object`.
    pub fn when(allowed: bool, object: &'static str, value: impl FnOnce() -> T) -> Self {
        if allowed {
            Self::Visible(value())
        } else {
            Self::Forbidden(object)
        }
    }

    /// Whether the value is visible.
    pub fn is_visible(&self) -> bool {
        matches!(self, Self::Visible(_))
    }
}
