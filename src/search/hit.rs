//! One group against a query: whether it is a hit, its score, and the field to show.
//!
//! Each term's best field in a group is the one with the best tier (`tier`: naming the
//! group, a whole word, a run, a typo, scattered letters) and, within it, the best weighted
//! score (`Field::weight` times the term's quality there, see `matching`). A group's score
//! is, for each space-separated set of terms, its best term's tier points plus weighted
//! score, summed over the sets, plus the best set's tier again as `Tier::lead_points`;
//! naming the group exactly adds `EXACT_NAME`. Fields are kept heaviest first and their
//! tiers' caps never rise along them, so once a term has scored, fields that could not beat
//! it even with a perfect match are not looked at.

use serde::Serialize;

use super::fields::Field;
use super::matching::{FieldMatch, Scattered, contains, match_field, positions, refine};
use super::query::{Query, Term};
use super::run::{MAX_PER_CHAR, MAX_PER_CHAR_WHOLE, SCORE_MATCH, Shape, max_inside_words};
use super::store::{FieldText, GroupFields};
use super::tier::Tier;
use super::typo;

/// Puts a group whose name or id is exactly the query (or one of its terms) above all others:
/// worth more than any tiers (`Tier::points` and `Tier::lead_points`, under 2^45 together).
pub(crate) const EXACT_NAME: i64 = 1 << 48;

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
    tier: Tier,
    /// Index of the term in the query, counting every term of every set.
    term: usize,
    /// Index of the field in the group.
    at: usize,
    found: FieldMatch,
    /// SkimMatcherV2's positions (or a typo's word), when it scored the match.
    positions: Option<Vec<usize>>,
}

/// How a matching group scored, before it becomes a `Hit`.
pub(crate) struct Outcome<'a> {
    pub score: i64,
    /// The tier of the group's weakest set of terms, which decides whether it is in the tail
    /// that `tier::cut` drops; `Tier::Named` when the query has only `!` terms.
    pub floor: Tier,
    /// The field to show and its highlight; `None` when the query has only `!` terms.
    pub shown: Option<(FieldText<'a>, Vec<usize>)>,
}

/// Whether to look for words a slip away from the terms (`typo`): only when no group has
/// a term as a run, since the tail cut would drop them anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Typos {
    Skip,
    Look,
}

/// Scores a group, or `None` if some set of the query doesn't match it. `mask` is the union of
/// its fields' char masks; `best_fields` is scratch space kept by the caller between groups.
pub(crate) fn score_group<'a>(
    query: &Query,
    fields: GroupFields<'a>,
    mask: u64,
    typos: Typos,
    best_fields: &mut Vec<BestField>,
) -> Option<Outcome<'a>> {
    let mut score = 0;
    let mut floor = Tier::Named;
    let mut lead = None;
    best_fields.clear();
    let mut index = 0;
    for set in &query.sets {
        let mut matched = false;
        let mut best: Option<(Tier, i64)> = None;
        for term in set {
            if term.inverse {
                matched |= term.mask & !mask != 0 || !fields.iter().any(|f| contains(term, &f));
            } else if let Some(found) = best_field(fields, mask, term, index, typos) {
                matched = true;
                let this = (found.tier, found.score);
                if best.is_none_or(|b| this > b) {
                    best = Some(this);
                }
                best_fields.push(found);
            }
            index += 1;
        }
        if !matched {
            return None;
        }
        // A set matched only by a `!` term says nothing of how well the group fits.
        if let Some((tier, best)) = best {
            score += tier.points() + best;
            floor = floor.min(tier);
            lead = lead.max(Some(tier));
        }
    }
    score += lead.map_or(0, Tier::lead_points);
    if names_exactly(query, fields) {
        score += EXACT_NAME;
    }
    let shown = explaining_field(query, fields, best_fields).map(|at| {
        let field = fields.get(at);
        (field, highlight(query, field, at, best_fields))
    });
    Some(Outcome {
        score,
        floor,
        shown,
    })
}

/// The best tier and weighted score of a positive term over the group's fields, and where.
fn best_field(
    fields: GroupFields<'_>,
    mask: u64,
    term: &Term,
    index: usize,
    typos: Typos,
) -> Option<BestField> {
    let typos = typos == Typos::Look && typo::applies(term);
    if term.mask & !mask != 0 && !(typos && typo::may_have(term, mask)) {
        return None;
    }
    let chars = term.chars as i64;
    let mut best: Option<Candidate> = None;
    let mut scattered = Scattered::Look;
    for (at, text) in fields.iter().enumerate() {
        let field = text.field();
        let weight = field.weight();
        // What a match here must score to win: once the best so far is at this field's cap,
        // only a higher score can, and fields come heaviest first with caps never rising, so
        // if even a perfect match here can't win, none later can. A field whose words the
        // term can't start (or be whole) reaches less than its cap, which its summaries tell.
        let mut beat = 0;
        if let Some(found) = &best {
            if found.tier >= Tier::cap(field) && weight * chars * MAX_PER_CHAR_WHOLE <= found.score
            {
                break;
            }
            let starts_word = term.first & text.word_starts() != 0;
            let reachable = Tier::reachable(field, starts_word, text.chars() == term.chars);
            if found.tier > reachable {
                continue;
            }
            if found.tier == reachable {
                if weight * ceiling(term, &text) <= found.score {
                    continue;
                }
                beat = found.score / weight;
            }
        }
        if let Some(m) = match_field(term, &text, beat, scattered) {
            let candidate = Candidate::new(field, at, m);
            if best.as_ref().is_none_or(|b| candidate.beats(b)) {
                best = Some(candidate);
            }
            // Letters scattered through prose say little; the first such field will do, but a
            // run in a later one still counts.
            if m.start.is_none() && field.is_prose() {
                scattered = Scattered::Skip;
            }
        }
    }
    let mut typo_at = None;
    if typos && best.as_ref().is_none_or(|b| b.tier < Tier::Typo) {
        for (at, text) in fields.iter().enumerate() {
            let field = text.field();
            if field.is_prose() || field.is_label() {
                continue;
            }
            let Some((start, len)) = typo::near_word(term, &text) else {
                continue;
            };
            // Scored as a run inside a word of the term's length: less than the real word.
            let m = FieldMatch {
                quality: SCORE_MATCH * chars,
                start: Some(start),
                shape: Shape::Typo,
            };
            let candidate = Candidate::new(field, at, m);
            if best.as_ref().is_none_or(|b| candidate.beats(b)) {
                best = Some(candidate);
                typo_at = Some((start, len));
            }
        }
    }
    let best = best?;
    if let Some((start, len)) = typo_at {
        return Some(BestField {
            score: best.score,
            tier: best.tier,
            term: index,
            at: best.at,
            found: best.found,
            positions: Some((start..start + len).collect()),
        });
    }
    // Scattered chars in a short field were estimated; score the winner properly.
    let text = fields.get(best.at);
    let (found, positions) = refine(term, &text, best.found);
    let score = text.field().weight() * found.quality;
    Some(BestField {
        score,
        tier: best.tier,
        term: index,
        at: best.at,
        found,
        positions,
    })
}

/// A term's match in one field, while looking for its best.
struct Candidate {
    tier: Tier,
    score: i64,
    at: usize,
    found: FieldMatch,
}

impl Candidate {
    fn new(field: Field, at: usize, found: FieldMatch) -> Candidate {
        Candidate {
            tier: Tier::of(field, found.shape),
            score: field.weight() * found.quality,
            at,
            found,
        }
    }

    fn beats(&self, other: &Candidate) -> bool {
        (self.tier, self.score) > (other.tier, other.score)
    }
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

/// The group's name or id is one of the terms, or all of them read as a phrase. A name
/// counts without the kind it starts or ends with, as people say it: `node` names "SIG
/// Node", `serverless` the "Serverless Working Group".
fn names_exactly(query: &Query, fields: GroupFields<'_>) -> bool {
    let phrase = query.phrase.as_deref();
    fields
        .iter()
        .take_while(|f| f.field().weight() >= Field::Id.weight())
        .filter(|f| matches!(f.field(), Field::Name | Field::Id))
        .any(|f| {
            let names = |whole: &str| {
                // Compare lengths first: most names are no term's length, and stay unread.
                let bare = if f.field() == Field::Name {
                    without_kind(whole)
                } else {
                    whole
                };
                let one = |name: &str| {
                    phrase == Some(name)
                        || query
                            .positive_terms()
                            .any(|t| t.text.len() == name.len() && *t.text == *name)
                };
                one(whole) || (bare.len() < whole.len() && one(bare))
            };
            // Smart case: a term with a capital names the group only in that case, so `DOCS`
            // doesn't lift "Docs" to the top of an OR; the others compare folded text.
            names(f.folded()) || names(f.original())
        })
}

/// A group's name without the kind it starts or ends with ("SIG Node", "Steering
/// Committee"), as written or folded.
fn without_kind(name: &str) -> &str {
    const STARTS: [&str; 4] = ["sig ", "wg ", "tag ", "ug "];
    const ENDS: [&str; 5] = [" working group", " committee", " user group", " sig", " wg"];
    let starts = |p: &str| {
        name.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if let Some(p) = STARTS.iter().find(|p| starts(p)) {
        return &name[p.len()..];
    }
    let ends = |e: &str| {
        name.len()
            .checked_sub(e.len())
            .and_then(|at| name.get(at..))
            .is_some_and(|t| t.eq_ignore_ascii_case(e))
    };
    match ENDS.iter().find(|e| ends(e)) {
        Some(e) => &name[..name.len() - e.len()],
        None => name,
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
            .map(|group| store.push_group(group, None))
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
