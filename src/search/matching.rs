//! One term against one field's text: whether it matches, how well, and where.
//!
//! Runs of the term are scored in `run`, scattered chars in `scattered`; this module picks
//! which applies, after the cheap checks (char mask, pair Bloom filter, length) that let most
//! fields be skipped without reading them.

use super::fields::Field;
use super::fold::fold_char;
use super::query::{Query, Term, TermKind};
use super::run::{MAX_PER_CHAR_SCATTERED, SCORE_MATCH, Shape, best_run, score_run};
use super::scan::is_subsequence;
use super::scattered::{
    PROSE_SHARE, estimate, prose_positions, prose_quality, skim_match, skim_positions,
};
use super::store::{FieldStore, FieldText};
use super::summary::{char_mask_of, may_contain};

/// A term matching one field. `quality` is unweighted and at least 1.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldMatch {
    pub quality: i64,
    /// Char index of the contiguous run (or the word a typo stands for); `None` when the
    /// chars are scattered.
    pub start: Option<usize>,
    pub shape: Shape,
}

/// The result of matching a query against a free text (`Query::match_text`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextMatch {
    pub score: i64,
    /// Char indices into the text, sorted, for highlighting.
    pub positions: Vec<usize>,
}

impl Query {
    /// Matches arbitrary text: every set of terms must match it. The score is unweighted;
    /// positions cover every term that matched. For many texts, prepare them once in a
    /// [`TextIndex`] instead.
    pub fn match_text(&self, text: &str) -> Option<TextMatch> {
        // Turn most texts away on their chars alone, before any text is copied.
        let mask = text
            .chars()
            .fold(0, |mask, c| mask | char_mask_of(fold_char(c)));
        if self.hopeless(mask) {
            return None;
        }
        let store = FieldStore::one(Field::Name, text);
        self.match_prepared(store.get(0))
    }

    fn hopeless(&self, mask: u64) -> bool {
        let hopeless = |set: &Vec<Term>| set.iter().all(|t| !t.inverse && t.mask & !mask != 0);
        self.sets.iter().any(hopeless)
    }

    fn match_prepared(&self, field: FieldText<'_>) -> Option<TextMatch> {
        let mut result = TextMatch::default();
        for set in &self.sets {
            let mut matched = false;
            let mut best = 0;
            for term in set {
                if term.inverse {
                    matched |= !contains(term, &field);
                } else if let Some(found) = match_field(term, &field, 0, Scattered::Look) {
                    let (found, at) = refine(term, &field, found);
                    matched = true;
                    best = best.max(found.quality);
                    let at = at.unwrap_or_else(|| positions(term, &field, found));
                    result.positions.extend(at);
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

/// Free texts prepared once (folded, summarised) for a view that matches every one of them
/// on each keystroke, such as the TUI's list of every project and repo.
#[derive(Default)]
pub struct TextIndex {
    store: FieldStore,
    len: usize,
}

impl TextIndex {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> TextIndex {
        let mut index = TextIndex::default();
        for text in texts {
            index.store.push(Field::Name, text);
            index.len += 1;
        }
        index
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `Query::match_text` for the `index`th text, without preparing it again.
    pub fn match_at(&self, query: &Query, index: usize) -> Option<TextMatch> {
        let field = self.store.get(index);
        if query.hopeless(field.mask()) {
            return None;
        }
        query.match_prepared(field)
    }
}

/// Whether `match_field` should look for scattered chars when the term has no run.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scattered {
    Look,
    Skip,
}

/// The best match of a positive term in `text`, if its quality would exceed `beat` (pass 0 to
/// get any match): a caller that already has a better field skips the rest of the work. The
/// quality of scattered chars in a short field is an estimate until `refine`d.
pub(crate) fn match_field(
    term: &Term,
    text: &FieldText,
    beat: i64,
    scattered_too: Scattered,
) -> Option<FieldMatch> {
    if term.mask & !text.mask() != 0 || term.chars > text.chars() {
        return None;
    }
    let hay = haystack(term, text);
    let needle = &*term.text;
    let run = |byte| Some(score_run(term, text, hay, byte));
    // A run needs all of the term's char pairs in the field.
    let may_run = may_contain(text.pairs(), &term.pairs);
    let (quality, start, shape) = match term.kind {
        TermKind::Prefix => hay.starts_with(needle).then_some(0).and_then(run)?,
        TermKind::Suffix => hay
            .ends_with(needle)
            .then(|| hay.len() - needle.len())
            .and_then(run)?,
        TermKind::Equal => (hay == needle).then_some(0).and_then(run)?,
        TermKind::Exact if may_run => best_run(term, text, hay, false)?,
        TermKind::Word if may_run => best_run(term, text, hay, true)?,
        TermKind::Exact | TermKind::Word => return None,
        TermKind::Fuzzy => match may_run.then(|| best_run(term, text, hay, false)).flatten() {
            Some(found) => found,
            None if scattered_too == Scattered::Look && !text.field().is_label() => {
                return scattered(term, text, hay, beat);
            }
            None => return None,
        },
    };
    (quality > beat).then_some(FieldMatch {
        quality,
        start: Some(start),
        shape,
    })
}

/// `found` with SkimMatcherV2's score in place of the estimate, for scattered chars in a
/// short field, and SkimMatcherV2's positions to go with it; unchanged otherwise.
pub(crate) fn refine(
    term: &Term,
    text: &FieldText,
    found: FieldMatch,
) -> (FieldMatch, Option<Vec<usize>>) {
    if found.start.is_some() || text.field().is_prose() {
        return (found, None);
    }
    match skim_match(term, text) {
        Some((score, at)) => (
            FieldMatch {
                quality: score.max(1),
                ..found
            },
            Some(at),
        ),
        None => (found, None),
    }
}

/// Whether the term's text is in the field at all, for `!` terms; no scoring.
pub(crate) fn contains(term: &Term, text: &FieldText) -> bool {
    if term.mask & !text.mask() != 0 || term.chars > text.chars() {
        return false;
    }
    let hay = haystack(term, text);
    let may_run = may_contain(text.pairs(), &term.pairs);
    match term.kind {
        TermKind::Fuzzy => is_subsequence(&term.text, hay),
        TermKind::Exact => may_run && best_run(term, text, hay, false).is_some(),
        TermKind::Word => may_run && best_run(term, text, hay, true).is_some(),
        TermKind::Prefix => hay.starts_with(&*term.text),
        TermKind::Suffix => hay.ends_with(&*term.text),
        TermKind::Equal => hay == &*term.text,
    }
}

/// Char indices into `text.original()` of what `found` matched.
pub(crate) fn positions(term: &Term, text: &FieldText, found: FieldMatch) -> Vec<usize> {
    match found.start {
        Some(start) => (start..start + term.chars).collect(),
        None if text.field().is_prose() => prose_positions(term, haystack(term, text)),
        None => skim_positions(term, text),
    }
}

fn haystack<'t>(term: &Term, text: &FieldText<'t>) -> &'t str {
    if term.sensitive {
        text.original()
    } else {
        text.folded()
    }
}

/// A term whose chars are in the field in order but not side by side.
fn scattered(term: &Term, text: &FieldText, hay: &str, beat: i64) -> Option<FieldMatch> {
    let m = term.chars as i64;
    let quality = if text.field().is_prose() {
        if m * SCORE_MATCH / PROSE_SHARE <= beat {
            return None;
        }
        prose_quality(term, text, hay)?
    } else {
        if m * MAX_PER_CHAR_SCATTERED <= beat {
            return None;
        }
        estimate(term, text, hay)?
    };
    let quality = quality.max(1);
    (quality > beat).then_some(FieldMatch {
        quality,
        start: None,
        shape: Shape::Scattered,
    })
}

#[cfg(test)]
mod tests;
