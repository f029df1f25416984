//! Scoring a term found as one contiguous run, on SkimMatcherV2's scale (16 per char plus its
//! boundary bonus, carried along the run), plus a bonus per char for how the run sits: the
//! whole field, a whole word, a word's start, or inside a word. That is what a person typing a
//! name means, and it is cheap to find with a substring scan.

use super::fields::FieldText;
use super::query::Term;
use super::scan::occurrences;

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
/// start), and in a field that is exactly as long (the whole field). Scattered chars score at
/// most `SCORE_MATCH + BONUS_FIELD_START` per char.
pub(crate) const MAX_PER_CHAR: i64 = SCORE_MATCH + 2 * BONUS_FIELD_START + SHAPE_WHOLE_WORD;
pub(crate) const MAX_PER_CHAR_WHOLE: i64 = SCORE_MATCH + 2 * BONUS_FIELD_START + SHAPE_WHOLE_FIELD;
pub(crate) const MAX_PER_CHAR_SCATTERED: i64 = SCORE_MATCH + BONUS_FIELD_START;

/// SkimMatcherV2's bonus for matching `cur` right after `prev` (`None`: the text's start).
pub(crate) fn in_place_bonus(prev: Option<char>, cur: char) -> i64 {
    match prev {
        None => BONUS_FIELD_START,
        Some(' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}') => BONUS_HEAD,
        Some(prev) if !prev.is_alphanumeric() => BONUS_BREAK,
        Some(prev) if is_camel(prev, cur) => BONUS_CAMEL,
        Some(_) => 0,
    }
}

/// The best-scoring run of the term in `hay` (the field's folded or original text): quality
/// and char start. `whole_word` keeps only runs with a word boundary on both sides.
pub(crate) fn best_run(
    term: &Term,
    text: &FieldText,
    hay: &str,
    whole_word: bool,
) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    for byte in occurrences(hay, &term.text) {
        let at = Around::run(text, hay, byte, term.text.len());
        let word = at.starts_word() && at.ends_word();
        if whole_word && !word {
            continue;
        }
        let quality = at.quality(term.chars, text.chars);
        if best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, at.start));
        }
        // A later whole word could only win by a separator's point or two: not worth a scan
        // through the rest of a long mission. A single char rarely is a word, and its runs
        // differ by a few points at most, so its first at a word start will do.
        if word || (term.chars == 1 && at.starts_word()) {
            break;
        }
    }
    best
}

/// The run of the term starting at `byte` of `hay`: quality and char start.
pub(crate) fn score_run(term: &Term, text: &FieldText, hay: &str, byte: usize) -> (i64, usize) {
    let at = Around::run(text, hay, byte, term.text.len());
    (at.quality(term.chars, text.chars), at.start)
}

/// A contiguous run in a field and the original chars around it.
struct Around {
    /// Char index of the run's first char.
    start: usize,
    prev: Option<char>,
    first: char,
    last: char,
    next: Option<char>,
}

impl Around {
    /// `byte` and `len` are in `hay`, which is char for char with `text.original`.
    fn run(text: &FieldText, hay: &str, byte: usize, len: usize) -> Around {
        if text.is_ascii() {
            let bytes = text.original.as_bytes();
            return Around {
                start: byte,
                prev: byte.checked_sub(1).map(|i| bytes[i] as char),
                first: bytes[byte] as char,
                last: bytes[byte + len - 1] as char,
                next: bytes.get(byte + len).map(|&b| b as char),
            };
        }
        let start = hay[..byte].chars().count();
        let count = hay[byte..byte + len].chars().count();
        let mut chars = text.original.chars().skip(start.saturating_sub(1));
        let prev = if start > 0 { chars.next() } else { None };
        let first = chars.next().unwrap_or(' ');
        let last = if count > 1 {
            chars.nth(count - 2).unwrap_or(first)
        } else {
            first
        };
        Around {
            start,
            prev,
            first,
            last,
            next: chars.next(),
        }
    }

    fn starts_word(&self) -> bool {
        match self.prev {
            None => true,
            Some(prev) => !prev.is_alphanumeric() || is_camel(prev, self.first),
        }
    }

    fn ends_word(&self) -> bool {
        match self.next {
            None => true,
            Some(next) => !next.is_alphanumeric() || is_camel(self.last, next),
        }
    }

    fn quality(&self, chars: usize, field_chars: usize) -> i64 {
        let m = chars as i64;
        let bonus = in_place_bonus(self.prev, self.first);
        let raw = SCORE_MATCH * m + bonus + (m - 1) * bonus.max(BONUS_CONSECUTIVE);
        let shape = if self.start == 0 && chars == field_chars {
            SHAPE_WHOLE_FIELD
        } else if self.starts_word() && self.ends_word() {
            SHAPE_WHOLE_WORD
        } else if self.starts_word() {
            SHAPE_WORD_START
        } else {
            SHAPE_SUBSTRING
        };
        raw + shape * m
    }
}

fn is_camel(prev: char, cur: char) -> bool {
    (prev.is_lowercase() || prev.is_numeric()) && cur.is_uppercase()
}
