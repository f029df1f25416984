//! Scoring a term found as one contiguous run, on SkimMatcherV2's scale (16 per char plus its
//! boundary bonus, carried along the run), plus a bonus per char for how the run sits: the
//! whole field, a whole word, a word's start, or inside a word. That is what a person typing a
//! name means, and it is cheap to find with a substring scan.

use super::query::Term;
use super::scan::occurrences;
use super::store::FieldText;
use super::words::Kind;

pub(crate) const SCORE_MATCH: i64 = 16;
pub(crate) const BONUS_CONSECUTIVE: i64 = 4;
const BONUS_FIELD_START: i64 = 16;
const BONUS_HEAD: i64 = 8;
const BONUS_BREAK: i64 = 7;
const BONUS_CAMEL: i64 = 6;

/// Per char of the term, by how the run sits in the text.
const SHAPE_WHOLE_FIELD: i64 = 40;
const SHAPE_WHOLE_WORD: i64 = 24;
const SHAPE_WORD_START: i64 = 16;
const SHAPE_SUBSTRING: i64 = 8;

/// The most a term can score per char in a field longer than itself (a whole word at the
/// start), and in a field that is exactly as long (the whole field): a run's bonus is at most
/// `BONUS_FIELD_START` per char. Scattered chars score at most `MAX_PER_CHAR_SCATTERED`.
pub(crate) const MAX_PER_CHAR: i64 = SCORE_MATCH + BONUS_FIELD_START + SHAPE_WHOLE_WORD;
pub(crate) const MAX_PER_CHAR_WHOLE: i64 = SCORE_MATCH + BONUS_FIELD_START + SHAPE_WHOLE_FIELD;
pub(crate) const MAX_PER_CHAR_SCATTERED: i64 = SCORE_MATCH + BONUS_FIELD_START;

/// How a match sits in its field, best first; what its tier (`tier`) is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Shape {
    /// The whole field.
    Whole,
    /// A whole word: a boundary on both sides.
    Word,
    WordStart,
    /// Inside a word.
    Inside,
    /// Not the term but a word one slip away from it (`typo`).
    Typo,
    /// The term's chars in order, not side by side.
    Scattered,
}

/// SkimMatcherV2's bonus for matching `cur` right after `prev` (`None`: the text's start).
pub(crate) fn in_place_bonus(prev: Option<char>, cur: char) -> i64 {
    bonus_after(prev.map(Kind::of), Kind::of(cur))
}

fn bonus_after(prev: Option<Kind>, cur: Kind) -> i64 {
    match prev {
        None => BONUS_FIELD_START,
        Some(Kind::HardSep) => BONUS_HEAD,
        Some(Kind::SoftSep) => BONUS_BREAK,
        Some(prev) if prev.is_camel_before(cur) => BONUS_CAMEL,
        Some(_) => 0,
    }
}

/// The best run of the term in `hay` (the field's folded or original text), by shape and then
/// score: quality, char start and shape. `whole_word` keeps only runs with a word boundary on
/// both sides.
pub(crate) fn best_run(
    term: &Term,
    text: &FieldText,
    hay: &str,
    whole_word: bool,
) -> Option<(i64, usize, Shape)> {
    let mut best: Option<(i64, usize, Shape)> = None;
    for byte in occurrences(hay, &term.text) {
        let at = Around::run(text, hay, byte, term.text.len());
        let word = at.starts_word && at.ends_word;
        if whole_word && !word {
            continue;
        }
        let quality = at.quality(term.chars, text.chars());
        let shape = at.shape(term.chars, text.chars());
        if best.is_none_or(|(q, _, s)| (shape, -quality) < (s, -q)) {
            best = Some((quality, at.start, shape));
        }
        // A later whole word could only win by a separator's point or two: not worth a scan
        // through the rest of a long mission. A single char rarely is a word, and its runs
        // differ by a few points at most, so its first at a word start will do.
        if word || (term.chars == 1 && at.starts_word) {
            break;
        }
    }
    best
}

/// The run of the term starting at `byte` of `hay`: quality, char start and shape.
pub(crate) fn score_run(
    term: &Term,
    text: &FieldText,
    hay: &str,
    byte: usize,
) -> (i64, usize, Shape) {
    let at = Around::run(text, hay, byte, term.text.len());
    let shape = at.shape(term.chars, text.chars());
    (at.quality(term.chars, text.chars()), at.start, shape)
}

/// The most a run can score per char when the term's first char starts no word in the field:
/// no boundary bonus, a substring only (`28m - 4` in all, as a term of `m` chars).
pub(crate) fn max_inside_words(chars: usize) -> i64 {
    let m = chars as i64;
    SCORE_MATCH * m + BONUS_CONSECUTIVE * (m - 1) + SHAPE_SUBSTRING * m
}

/// A contiguous run in a field, classified by the original chars around it.
struct Around {
    /// Char index of the run's first char.
    start: usize,
    /// SkimMatcherV2's bonus for the run's first char.
    bonus: i64,
    starts_word: bool,
    ends_word: bool,
}

impl Around {
    /// `byte` and `len` are in `hay`, which is char for char with `text.original()`.
    fn run(text: &FieldText, hay: &str, byte: usize, len: usize) -> Around {
        let (start, prev, first, last, next) = if text.is_ascii() {
            let bytes = text.original().as_bytes();
            let kind = |i: usize| Kind::of(bytes[i] as char);
            let next = (byte + len < bytes.len()).then(|| kind(byte + len));
            (
                byte,
                byte.checked_sub(1).map(kind),
                kind(byte),
                kind(byte + len - 1),
                next,
            )
        } else {
            let start = hay[..byte].chars().count();
            let count = hay[byte..byte + len].chars().count();
            let mut chars = text
                .original()
                .chars()
                .skip(start.saturating_sub(1))
                .map(Kind::of);
            let prev = if start > 0 { chars.next() } else { None };
            let first = chars.next().unwrap_or(Kind::SoftSep);
            let last = if count > 1 {
                chars.nth(count - 2).unwrap_or(first)
            } else {
                first
            };
            (start, prev, first, last, chars.next())
        };
        Around {
            start,
            bonus: bonus_after(prev, first),
            starts_word: prev.is_none_or(|p| !p.is_word() || p.is_camel_before(first)),
            ends_word: next.is_none_or(|n| !n.is_word() || last.is_camel_before(n)),
        }
    }

    fn shape(&self, chars: usize, field_chars: usize) -> Shape {
        if self.start == 0 && chars == field_chars {
            Shape::Whole
        } else if self.starts_word && self.ends_word {
            Shape::Word
        } else if self.starts_word {
            Shape::WordStart
        } else {
            Shape::Inside
        }
    }

    fn quality(&self, chars: usize, field_chars: usize) -> i64 {
        let m = chars as i64;
        let raw = SCORE_MATCH * m + self.bonus + (m - 1) * self.bonus.max(BONUS_CONSECUTIVE);
        let shape = match self.shape(chars, field_chars) {
            Shape::Whole => SHAPE_WHOLE_FIELD,
            Shape::Word => SHAPE_WHOLE_WORD,
            Shape::WordStart => SHAPE_WORD_START,
            _ => SHAPE_SUBSTRING,
        };
        raw + shape * m
    }
}
