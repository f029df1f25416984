//! Where words start in a field: what a run's bonuses and the word-start mask are both
//! built from, so scoring (`run`) and the prepared fields (`store`) share one reading.

use super::fold::fold_char;
use super::summary::char_mask_of;

/// What a char is for word boundaries and bonuses, as SkimMatcherV2 sees it (plus non-ASCII
/// letters, which count as lowercase or uppercase letters here).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Upper,
    Lower,
    Digit,
    /// Space, slashes, bars and brackets.
    HardSep,
    /// Other punctuation and symbols.
    SoftSep,
}

impl Kind {
    pub(super) fn of(c: char) -> Kind {
        match c {
            'a'..='z' => Kind::Lower,
            'A'..='Z' => Kind::Upper,
            '0'..='9' => Kind::Digit,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Kind::HardSep,
            c if c.is_ascii() => Kind::SoftSep,
            c if c.is_uppercase() => Kind::Upper,
            c if c.is_alphanumeric() => Kind::Lower,
            _ => Kind::SoftSep,
        }
    }

    pub(super) fn is_word(self) -> bool {
        matches!(self, Kind::Upper | Kind::Lower | Kind::Digit)
    }

    /// `self` then `next` is a camelCase hump ("tE" in "CloudEvents", "8S" in "K8S").
    pub(super) fn is_camel_before(self, next: Kind) -> bool {
        matches!(self, Kind::Lower | Kind::Digit) && next == Kind::Upper
    }
}

/// Which (folded) chars start a word in `original` (after a separator, at a camelCase hump, or
/// at the start), as a `summary::char_mask`. A term starting with another char can only score
/// `max_inside_words` there, and (scattered) less.
pub(crate) fn word_starts(original: &str) -> u64 {
    let mut mask = 0;
    let mut prev: Option<Kind> = None;
    for c in original.chars() {
        let kind = Kind::of(c);
        if prev.is_none_or(|p| !p.is_word() || p.is_camel_before(kind)) {
            mask |= char_mask_of(fold_char(c));
        }
        prev = Some(kind);
    }
    mask
}
