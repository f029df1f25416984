//! Ranking groups for a query.
//!
//! A group's score is, for each space-separated set of terms, the best weighted score of any of
//! its terms (`|` alternatives) in any field, summed over the sets; naming the group exactly
//! adds `EXACT_NAME`. A field's weighted score is `Field::weight` times the term's quality
//! there (see `matching`). Fields are kept heaviest first, so once a term has scored, the
//! fields that could not beat it even with a perfect match are not looked at.

use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use super::fields::{Field, FieldText, group_fields};
use super::matching::{FieldMatch, contains, match_field, positions, refine};
use super::query::{Query, Term};
use super::run::{MAX_PER_CHAR, MAX_PER_CHAR_WHOLE};
use crate::registry::Group;

/// Below this many candidates a search runs on the calling thread: starting threads would cost
/// more than it saves.
const PARALLEL_FROM: usize = 2_000;

/// Puts a group whose name or id is exactly the query (or one of its terms) above all others.
const EXACT_NAME: i64 = 1 << 40;

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

/// Every group's searchable text, prepared once so each keystroke only scans and scores.
pub struct SearchIndex {
    /// All groups' fields end to end; `Entry::fields` says which belong to a group.
    fields: Vec<FieldText>,
    groups: Vec<Entry>,
}

struct Entry {
    fields: Range<usize>,
    /// Union of the fields' masks: a term with a char none of them has is rejected at once.
    mask: u64,
    /// Ranked below live groups on equal scores.
    gone: bool,
    name: String,
}

impl SearchIndex {
    pub fn new(groups: &[Group]) -> SearchIndex {
        let mut fields = Vec::new();
        let entries = groups
            .iter()
            .map(|group| {
                let start = fields.len();
                fields.extend(group_fields(group));
                let own = &fields[start..];
                Entry {
                    fields: start..fields.len(),
                    mask: own.iter().fold(0, |mask, f| mask | f.mask),
                    gone: group.status.is_gone(),
                    name: group.name.clone(),
                }
            })
            .collect();
        SearchIndex {
            fields,
            groups: entries,
        }
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Matching groups, best first. An empty query returns every group in input order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let all: Vec<usize> = (0..self.groups.len()).collect();
        self.rank(query, &all)
    }

    /// `search` restricted to the given group indices (the previous hits, when the new query
    /// `narrows` the old one). Indices out of range are ignored; each group appears once.
    pub fn search_within(&self, query: &Query, candidates: &[usize]) -> Vec<Hit> {
        let len = self.groups.len();
        let candidates: Vec<usize> = candidates.iter().copied().filter(|&g| g < len).collect();
        self.rank(query, &candidates)
    }

    fn rank(&self, query: &Query, candidates: &[usize]) -> Vec<Hit> {
        let mut hits = if query.is_empty() {
            let mut all: Vec<Hit> = candidates.iter().map(|&g| self.unmatched_hit(g)).collect();
            all.sort_by_key(|hit| hit.group);
            all
        } else {
            let mut hits = self.hits_in_parallel(query, candidates);
            hits.sort_unstable_by(|a, b| {
                b.score
                    .cmp(&a.score)
                    .then_with(|| self.groups[a.group].gone.cmp(&self.groups[b.group].gone))
                    .then_with(|| a.group.cmp(&b.group))
            });
            hits
        };
        hits.dedup_by_key(|hit| hit.group);
        hits
    }

    /// Splits large candidate lists over the machine's cores (scoring a group only reads the
    /// index, so the parts are independent); small registries stay on the calling thread.
    fn hits_in_parallel(&self, query: &Query, candidates: &[usize]) -> Vec<Hit> {
        let workers = worker_count(candidates.len());
        if workers <= 1 {
            return self.hits(query, candidates);
        }
        let mut parts = candidates.chunks(candidates.len().div_ceil(workers));
        let own = parts.next().unwrap_or_default();
        std::thread::scope(|scope| {
            let others: Vec<_> = parts
                .map(|part| scope.spawn(|| self.hits(query, part)))
                .collect();
            let mut hits = self.hits(query, own);
            for other in others {
                hits.extend(other.join().expect("a search worker panicked"));
            }
            hits
        })
    }

    fn hits(&self, query: &Query, candidates: &[usize]) -> Vec<Hit> {
        let mut leads = Vec::new();
        candidates
            .iter()
            .filter_map(|&g| self.hit(g, query, &mut leads))
            .collect()
    }

    fn unmatched_hit(&self, group: usize) -> Hit {
        Hit {
            group,
            score: 0,
            field: Field::Name,
            text: self.groups[group].name.clone(),
            positions: Vec::new(),
        }
    }

    /// The group's hit if every set of the query matches it. `leads` is scratch space for
    /// each positive term's (score, best field), kept by the caller to save an allocation.
    fn hit(&self, group: usize, query: &Query, leads: &mut Vec<(i64, usize)>) -> Option<Hit> {
        let entry = &self.groups[group];
        let fields = &self.fields[entry.fields.clone()];
        let mut score = 0;
        leads.clear();
        for set in &query.sets {
            let mut matched = false;
            let mut best = 0;
            for term in set {
                if term.inverse {
                    matched |=
                        term.mask & !entry.mask != 0 || !fields.iter().any(|f| contains(term, f));
                } else if let Some((term_score, at)) = best_field(entry, fields, term) {
                    matched = true;
                    best = best.max(term_score);
                    leads.push((term_score, at));
                }
            }
            if !matched {
                return None;
            }
            score += best;
        }
        if names_exactly(query, fields) {
            score += EXACT_NAME;
        }
        let Some(at) = explaining_field(query, fields, leads) else {
            // Only `!` terms: nothing to highlight.
            return Some(Hit {
                score,
                ..self.unmatched_hit(group)
            });
        };
        let field = &fields[at];
        Some(Hit {
            group,
            score,
            field: field.field,
            text: field.original.to_string(),
            positions: highlight(query, field),
        })
    }
}

fn worker_count(candidates: usize) -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    if candidates < PARALLEL_FROM {
        return 1;
    }
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    cores.min(candidates / (PARALLEL_FROM / 2)).clamp(1, 8)
}

/// The best weighted score of a positive term over the group's fields, and where.
fn best_field(entry: &Entry, fields: &[FieldText], term: &Term) -> Option<(i64, usize)> {
    if term.mask & !entry.mask != 0 {
        return None;
    }
    let chars = term.chars as i64;
    let mut best: Option<(i64, usize, FieldMatch)> = None;
    for (at, text) in fields.iter().enumerate() {
        let weight = text.field.weight();
        let found = best.map_or(0, |(score, ..)| score);
        if found > 0 {
            // Fields come heaviest first: if even a perfect match here can't win, none later can.
            if weight * chars * MAX_PER_CHAR_WHOLE <= found {
                break;
            }
            if text.chars != term.chars && weight * chars * MAX_PER_CHAR <= found {
                continue;
            }
        }
        if let Some(m) = match_field(term, text, found / weight) {
            best = Some((weight * m.quality, at, m));
        }
    }
    // Scattered chars in a short field were estimated; score the winner properly.
    best.map(|(_, at, found)| {
        let text = &fields[at];
        (text.field.weight() * refine(term, text, found).quality, at)
    })
}

/// The field to show for a hit. With one term, its best field. With several, of the terms'
/// best fields (highest-scoring term first) the one where all terms together score most, so
/// "service fabrik" shows the project "Service Fabrik" rather than the name
/// "Service Management", which has only "service".
fn explaining_field(
    query: &Query,
    fields: &[FieldText],
    leads: &mut [(i64, usize)],
) -> Option<usize> {
    leads.sort_by_key(|l| std::cmp::Reverse(l.0));
    if leads.len() <= 1 {
        return leads.first().map(|&(_, at)| at);
    }
    let mut best: Option<(i64, usize)> = None;
    for &(_, at) in leads.iter() {
        let field = &fields[at];
        let quality: i64 = query
            .positive_terms()
            .filter_map(|t| match_field(t, field, 0))
            .map(|m| m.quality)
            .sum();
        let together = quality * field.field.weight();
        if best.is_none_or(|(score, _)| together > score) {
            best = Some((together, at));
        }
    }
    best.map(|(_, at)| at)
}

/// The group's name or id is one of the terms, or all of them read as a phrase.
fn names_exactly(query: &Query, fields: &[FieldText]) -> bool {
    fields
        .iter()
        .take_while(|f| f.field.weight() >= Field::Id.weight())
        .filter(|f| matches!(f.field, Field::Name | Field::Id))
        .any(|f| {
            query.phrase.as_deref() == Some(&*f.folded)
                || query.positive_terms().any(|t| t.folded == f.folded)
        })
}

/// Every positive term's matched chars in the hit's field, so all of "service fabrik" lights up.
fn highlight(query: &Query, field: &FieldText) -> Vec<usize> {
    let mut all: Vec<usize> = query
        .positive_terms()
        .filter_map(|term| match_field(term, field, 0).map(|m| positions(term, field, m)))
        .flatten()
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod timing;
