//! One group against a query: whether it is a hit, its score, and the field to show.
//!
//! A group's score is, for each space-separated set of terms, the best weighted score of any
//! of its terms (`|` alternatives) in any field, summed over the sets; naming the group
//! exactly adds `EXACT_NAME`. A field's weighted score is `Field::weight` times the term's
//! quality there (see `matching`). Fields are kept heaviest first, so once a term has scored,
//! fields that could not beat it even with a perfect match are not looked at.

use serde::Serialize;

use super::fields::Field;
use super::matching::{FieldMatch, Scattered, contains, match_field, positions, refine};
use super::query::{Query, Term};
use super::run::{MAX_PER_CHAR, MAX_PER_CHAR_WHOLE, max_inside_words};
use super::store::{FieldText, GroupFields};

/// Puts a group whose name or id is exactly the query (or one of its terms) above all others.
pub(crate) const EXACT_NAME: i64 = 1 << 40;

/// One group matching a query, with what to highlight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Index into the slice given to `SearchIndex::new`.
    pub group: usize,
    pub score: i64,
    /// The field that best explains the match: the best-scoring term's best field, or with
    /// several terms, the one of their best fields where they match best together.
    pub field: Field,
    /// That field's whole value, such as "CloudEvents" or "cloudfoundry/uaa".
    pub text: String,
    /// Char indices into `text` matched by any term, sorted.
    pub positions: Vec<usize>,
}

/// A positive term's best field in a group.
pub(crate) struct BestField {
    score: i64,
    /// Index of the term in the query, counting every term of every set.
    term: usize,
    /// Index of the field in the group.
    at: usize,
    found: FieldMatch,
    /// SkimMatcherV2's positions, when it scored the match.
    positions: Option<Vec<usize>>,
}

/// How a matching group scored, before it becomes a `Hit`.
pub(crate) struct Outcome<'a> {
    pub score: i64,
    /// The field to show and its highlight; `None` when the query has only `!` terms.
    pub shown: Option<(FieldText<'a>, Vec<usize>)>,
}

/// Scores a group, or `None` if some set of the query doesn't match it. `mask` is the union of
/// its fields' char masks; `best_fields` is scratch space kept by the caller between groups.
pub(crate) fn score_group<'a>(
    query: &Query,
    fields: GroupFields<'a>,
    mask: u64,
    best_fields: &mut Vec<BestField>,
) -> Option<Outcome<'a>> {
    let mut score = 0;
    best_fields.clear();
    let mut index = 0;
    for set in &query.sets {
        let mut matched = false;
        let mut best = 0;
        for term in set {
            if term.inverse {
                matched |= term.mask & !mask != 0 || !fields.iter().any(|f| contains(term, &f));
            } else if let Some(found) = best_field(fields, mask, term, index) {
                matched = true;
                best = best.max(found.score);
                best_fields.push(found);
            }
            index += 1;
        }
        if !matched {
            return None;
        }
        score += best;
    }
    if names_exactly(query, fields) {
        score += EXACT_NAME;
    }
    let shown = explaining_field(query, fields, best_fields).map(|at| {
        let field = fields.get(at);
        (field, highlight(query, field, at, best_fields))
    });
    Some(Outcome { score, shown })
}

/// The best weighted score of a positive term over the group's fields, and where.
fn best_field(fields: GroupFields<'_>, mask: u64, term: &Term, index: usize) -> Option<BestField> {
    if term.mask & !mask != 0 {
        return None;
    }
    let chars = term.chars as i64;
    let mut best: Option<(i64, usize, FieldMatch)> = None;
    let mut scattered = Scattered::Look;
    for (at, text) in fields.iter().enumerate() {
        let weight = text.field().weight();
        let found = best.map_or(0, |(score, ..)| score);
        if found > 0 {
            // Fields come heaviest first: if even a perfect match here can't win, none later can.
            if weight * chars * MAX_PER_CHAR_WHOLE <= found {
                break;
            }
            if weight * ceiling(term, &text) <= found {
                continue;
            }
        }
        if let Some(m) = match_field(term, &text, found / weight, scattered) {
            best = Some((weight * m.quality, at, m));
            // Letters scattered through prose say little; the first such field will do, but a
            // run in a later one still counts.
            if m.start.is_none() && text.field().is_prose() {
                scattered = Scattered::Skip;
            }
        }
    }
    // Scattered chars in a short field were estimated; score the winner properly.
    let (_, at, found) = best?;
    let text = fields.get(at);
    let (found, positions) = refine(term, &text, found);
    let score = text.field().weight() * found.quality;
    Some(BestField {
        score,
        term: index,
        at,
        found,
        positions,
    })
}

/// The most the term could score in `text`, unweighted, judged from its summaries.
fn ceiling(term: &Term, text: &FieldText<'_>) -> i64 {
    if term.first & text.word_starts() == 0 {
        max_inside_words(term.chars)
    } else if text.chars() == term.chars {
        term.chars as i64 * MAX_PER_CHAR_WHOLE
    } else {
        term.chars as i64 * MAX_PER_CHAR
    }
}

/// The field to show. With one term, its best field. With several, of the terms' best fields
/// (highest-scoring term first) the one where all terms together score most, so
/// "service fabrik" shows the project "Service Fabrik" rather than the name
/// "Service Management", which has only "service".
fn explaining_field(
    query: &Query,
    fields: GroupFields<'_>,
    best_fields: &mut [BestField],
) -> Option<usize> {
    best_fields.sort_by_key(|found| std::cmp::Reverse(found.score));
    if best_fields.len() <= 1 {
        return best_fields.first().map(|found| found.at);
    }
    let mut best: Option<(i64, usize)> = None;
    for found in best_fields.iter() {
        let field = fields.get(found.at);
        let quality: i64 = query
            .positive_terms()
            .filter_map(|t| match_field(t, &field, 0, Scattered::Look))
            .map(|m| m.quality)
            .sum();
        let together = quality * field.field().weight();
        if best.is_none_or(|(score, _)| together > score) {
            best = Some((together, found.at));
        }
    }
    best.map(|(_, at)| at)
}

/// The group's name or id is one of the terms, or all of them read as a phrase.
fn names_exactly(query: &Query, fields: GroupFields<'_>) -> bool {
    let phrase = query.phrase.as_deref();
    // Compare lengths first: most names are no term's length, and their text stays unread.
    let phrase_chars = phrase.map_or(0, |p| p.chars().count());
    fields
        .iter()
        .take_while(|f| f.field().weight() >= Field::Id.weight())
        .filter(|f| matches!(f.field(), Field::Name | Field::Id))
        .any(|f| {
            (phrase_chars == f.chars() && phrase == Some(f.folded()))
                || query
                    .positive_terms()
                    .any(|t| t.chars == f.chars() && equal_name(t, f))
        })
}

/// A case-sensitive term (smart case) names a group only in that exact case: `DOCS` is not
/// the name of "Docs", and must not lift it to the top of an OR.
fn equal_name(term: &Term, field: FieldText<'_>) -> bool {
    if term.sensitive {
        *term.text == *field.original()
    } else {
        *term.folded == *field.folded()
    }
}

/// Every positive term's matched chars in the shown field (field `at`), so all of
/// "service fabrik" lights up. Terms whose best field it is reuse what was found.
fn highlight(
    query: &Query,
    field: FieldText<'_>,
    at: usize,
    best_fields: &mut [BestField],
) -> Vec<usize> {
    let mut all = Vec::new();
    for (index, term) in query.sets.iter().flatten().enumerate() {
        if term.inverse {
            continue;
        }
        match best_fields
            .iter_mut()
            .find(|found| found.term == index && found.at == at)
        {
            Some(BestField {
                positions: Some(found),
                ..
            }) => all.append(found),
            Some(found) => all.extend(positions(term, &field, found.found)),
            None => {
                if let Some(found) = match_field(term, &field, 0, Scattered::Look) {
                    let (found, at) = refine(term, &field, found);
                    all.extend(at.unwrap_or_else(|| positions(term, &field, found)));
                }
            }
        }
    }
    if best_fields.len() > 1 {
        all.sort_unstable();
        all.dedup();
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::synthetic::synthetic;
    use crate::search::store::FieldStore;

    /// Pruning skips a field when `ceiling` says it can't beat what was found, so it must never
    /// be below what the field actually scores.
    #[test]
    fn ceiling_is_never_below_a_real_score() {
        let mut store = FieldStore::default();
        let ranges: Vec<_> = synthetic(60)
            .iter()
            .map(|group| store.push_group(group))
            .collect();
        let terms = [
            "a", "c", "ti", "clo", "dev", "uaa", "Cl", "ser", "rv", "kb", "'tra", "^pro", "ing$",
            "sce",
        ];
        for input in terms {
            let term = &Query::parse(input).sets[0][0];
            for range in &ranges {
                for text in GroupFields::new(&store, range.clone()).iter() {
                    let Some(found) = match_field(term, &text, 0, Scattered::Look) else {
                        continue;
                    };
                    let (refined, _) = refine(term, &text, found);
                    let most = ceiling(term, &text);
                    assert!(
                        found.quality.max(refined.quality) <= most,
                        "{input} in {:?}",
                        text.original()
                    );
                }
            }
        }
    }
}
