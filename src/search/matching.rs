//! One term against one field's text: whether it matches, how well, and where.
//!
//! A term found as one contiguous run is scored directly on SkimMatcherV2's own scale (16 per
//! char plus its boundary and run bonuses), plus a bonus per char for being a whole field, a
//! whole word or a word's start: that is what a person typing a name means, and it is cheap to
//! find with a substring search. A term whose chars are scattered is handed to SkimMatcherV2
//! in short fields (names, projects, repos, people, channels), after a subsequence scan says it
//! can match. In prose a few hundred chars long SkimMatcherV2 is too slow to run on every group
//! per keystroke, and almost any letters occur there in order, so scattered letters in prose are
//! scored from the gaps in their tightest window and count a quarter.

use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fields::{Field, FieldText};
use super::query::{Query, Term, TermKind};
use super::scan::{is_subsequence, occurrences, tight_window, window_positions};

const SCORE_MATCH: i64 = 16;
/// Scattered letters in prose count this fraction of what they would in a name.
const PROSE_SHARE: i64 = 4;
const BONUS_FIELD_START: i64 = 16;
const BONUS_HEAD: i64 = 8;
const BONUS_BREAK: i64 = 7;
const BONUS_CAMEL: i64 = 6;
const BONUS_CONSECUTIVE: i64 = 4;

/// Per char of the term, by how the run sits in the text.
const SHAPE_WHOLE_FIELD: i64 = 40;
const SHAPE_WHOLE_WORD: i64 = 24;
const SHAPE_WORD_START: i64 = 16;
const SHAPE_SUBSTRING: i64 = 8;

/// The most a term can score per char in a field longer than itself (a whole word at the
/// start), and in a field that is exactly as long (the whole field).
pub(crate) const MAX_PER_CHAR: i64 = SCORE_MATCH + 2 * BONUS_FIELD_START + SHAPE_WHOLE_WORD;
pub(crate) const MAX_PER_CHAR_WHOLE: i64 = SCORE_MATCH + 2 * BONUS_FIELD_START + SHAPE_WHOLE_FIELD;

/// A term matching one field. `quality` is unweighted and at least 1.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldMatch {
    pub quality: i64,
    /// Char index of the contiguous run; `None` when the chars are scattered.
    pub start: Option<usize>,
}

/// The result of matching a query against a free text (`Query::match_text`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextMatch {
    pub score: i64,
    /// Char indices into the text, sorted, for highlighting.
    pub positions: Vec<usize>,
}

impl Query {
    /// Matches arbitrary text (the TUI's project view uses it): every set of terms must match
    /// it. The score is unweighted; positions cover every term that matched.
    pub fn match_text(&self, text: &str) -> Option<TextMatch> {
        let field = FieldText::new(Field::Name, text);
        let mut result = TextMatch::default();
        for set in &self.sets {
            let mut matched = false;
            let mut best = 0;
            for term in set {
                if term.inverse {
                    matched |= !contains(term, &field);
                } else if let Some(found) = match_field(term, &field, 0) {
                    matched = true;
                    best = best.max(found.quality);
                    result.positions.extend(positions(term, &field, found));
                }
            }
            if !matched {
                return None;
            }
            result.score += best;
        }
        result.positions.sort_unstable();
        result.positions.dedup();
        Some(result)
    }
}

/// The best match of a positive term in `text`, if its quality would exceed `beat` (pass 0 to
/// get any match): a caller that already has a better field skips the fuzzy matcher.
pub(crate) fn match_field(term: &Term, text: &FieldText, beat: i64) -> Option<FieldMatch> {
    if term.mask & !text.mask != 0 || term.chars > text.chars {
        return None;
    }
    let hay = haystack(term, text);
    let needle = &*term.text;
    let run = |byte| Some(score_run(term, text, hay, byte));
    let (quality, start) = match term.kind {
        TermKind::Prefix => hay.starts_with(needle).then_some(0).and_then(run)?,
        TermKind::Suffix => hay
            .ends_with(needle)
            .then(|| hay.len() - needle.len())
            .and_then(run)?,
        TermKind::Equal => (hay == needle).then_some(0).and_then(run)?,
        TermKind::Exact => best_run(term, text, false)?,
        TermKind::Word => best_run(term, text, true)?,
        TermKind::Fuzzy => match best_run(term, text, false) {
            Some(found) => found,
            None => return scattered(term, text, beat),
        },
    };
    (quality > beat).then_some(FieldMatch {
        quality,
        start: Some(start),
    })
}

/// Whether the term's text is in the field at all, for `!` terms; no scoring.
pub(crate) fn contains(term: &Term, text: &FieldText) -> bool {
    if term.mask & !text.mask != 0 || term.chars > text.chars {
        return false;
    }
    let hay = haystack(term, text);
    match term.kind {
        TermKind::Fuzzy => is_subsequence(&term.text, hay),
        TermKind::Exact => occurrences(hay, &term.text).next().is_some(),
        TermKind::Prefix => hay.starts_with(&*term.text),
        TermKind::Suffix => hay.ends_with(&*term.text),
        TermKind::Equal => hay == &*term.text,
        TermKind::Word => best_run(term, text, true).is_some(),
    }
}

/// Char indices into `text.original` of what `found` matched.
pub(crate) fn positions(term: &Term, text: &FieldText, found: FieldMatch) -> Vec<usize> {
    match found.start {
        Some(start) => (start..start + term.chars).collect(),
        None if text.field.is_prose() => window_positions(haystack(term, text), &term.text),
        None => {
            let (matcher, choice) = skim_input(term, text);
            matcher
                .fuzzy_indices(choice, &term.text)
                .map(|(_, at)| at)
                .unwrap_or_default()
        }
    }
}

fn haystack<'t>(term: &Term, text: &'t FieldText) -> &'t str {
    if term.sensitive {
        &text.original
    } else {
        &text.folded
    }
}

/// The best-scoring contiguous run of the term (quality, char start), optionally only whole
/// words.
fn best_run(term: &Term, text: &FieldText, whole_word: bool) -> Option<(i64, usize)> {
    let hay = haystack(term, text);
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
        // through the rest of a long mission.
        if word {
            break;
        }
    }
    best
}

fn score_run(term: &Term, text: &FieldText, hay: &str, byte: usize) -> (i64, usize) {
    let at = Around::run(text, hay, byte, term.text.len());
    (at.quality(term.chars, text.chars), at.start)
}

/// The score of a term whose chars are in the text in order but not side by side.
fn scattered(term: &Term, text: &FieldText, beat: i64) -> Option<FieldMatch> {
    let m = term.chars as i64;
    let hay = haystack(term, text);
    let quality = if text.field.is_prose() {
        // SkimMatcherV2 costs microseconds on a few hundred chars, and the answer would be
        // "some letters in order" anyway: count the tightest window's gaps instead.
        if m * SCORE_MATCH / PROSE_SHARE <= beat {
            return None;
        }
        let (start, end) = tight_window(hay, &term.text)?;
        let window = if text.is_ascii() {
            end - start
        } else {
            hay[start..end].chars().count()
        };
        let gaps = window as i64 - m;
        (SCORE_MATCH * m - gaps) / PROSE_SHARE
    } else {
        if m * (SCORE_MATCH + BONUS_FIELD_START) <= beat || !is_subsequence(&term.text, hay) {
            return None;
        }
        let (matcher, choice) = skim_input(term, text);
        matcher.fuzzy_match(choice, &term.text)?
    };
    let quality = quality.max(1);
    (quality > beat).then_some(FieldMatch {
        quality,
        start: None,
    })
}

fn skim_input<'t>(term: &Term, text: &'t FieldText) -> (&'static SkimMatcherV2, &'t str) {
    let matchers = matchers();
    if term.sensitive {
        (&matchers.respect_case, &text.original)
    } else {
        (&matchers.ignore_case, text.skim_text())
    }
}

struct Matchers {
    ignore_case: SkimMatcherV2,
    respect_case: SkimMatcherV2,
}

/// Built once: the matchers keep per-thread scratch space between calls.
fn matchers() -> &'static Matchers {
    static MATCHERS: OnceLock<Matchers> = OnceLock::new();
    MATCHERS.get_or_init(|| Matchers {
        ignore_case: SkimMatcherV2::default().ignore_case(),
        respect_case: SkimMatcherV2::default().respect_case(),
    })
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

    /// SkimMatcherV2's bonus for a match starting after `prev`.
    fn start_bonus(&self) -> i64 {
        match self.prev {
            None => BONUS_FIELD_START,
            Some(' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}') => BONUS_HEAD,
            Some(prev) if !prev.is_alphanumeric() => BONUS_BREAK,
            Some(prev) if is_camel(prev, self.first) => BONUS_CAMEL,
            Some(_) => 0,
        }
    }

    fn quality(&self, chars: usize, field_chars: usize) -> i64 {
        let m = chars as i64;
        let bonus = self.start_bonus();
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

#[cfg(test)]
mod tests;
