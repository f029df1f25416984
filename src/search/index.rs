//! The search index: every group's texts prepared once, and ranking the groups that match a
//! query (scoring one group is in `hit`).

use std::ops::Range;
use std::sync::OnceLock;

use super::fields::Field;
use super::hit::{BestField, Hit, Typos, score_group};
use super::matching::{Scattered, match_field};
use super::query::Query;
use super::store::{FieldStore, GroupFields};
use super::tier::{Tier, cut};
use crate::model::{Community, Group};

/// Below this many candidates a search runs on the calling thread: starting threads would cost
/// more than it saves.
const PARALLEL_FROM: usize = 2_000;

/// Every group's searchable text, prepared once so each keystroke only scans and scores.
pub struct SearchIndex {
    /// The groups' strings, one store per part prepared on its own thread (kept apart: merging
    /// them copied the whole index once more at the start's peak); `Entry` says where a
    /// group's are.
    parts: Vec<FieldStore>,
    groups: Vec<Entry>,
}

struct Entry {
    /// Which of `parts`, and which strings in it.
    part: usize,
    fields: Range<usize>,
    /// Union of the fields' masks: a term with a char none of them has is rejected at once.
    mask: u64,
    /// Ranked below live groups on equal scores.
    gone: bool,
    name: String,
}

/// A hit and the tier of its weakest set of terms, until the tail is cut.
type Ranked = (Hit, Tier);

impl SearchIndex {
    /// Groups whose communities' names are not searched (only their ids are).
    pub fn new(groups: &[Group]) -> SearchIndex {
        SearchIndex::with_communities(groups, &[])
    }

    /// Groups with their communities, so a community's name finds its groups. A large
    /// registry is prepared on all cores, a part of the groups each: preparing the texts is
    /// most of what a start at 10,000 groups costs.
    pub fn with_communities(groups: &[Group], communities: &[Community]) -> SearchIndex {
        SearchIndex::in_parts(groups, communities, worker_count(groups.len()))
    }

    fn in_parts(groups: &[Group], communities: &[Community], workers: usize) -> SearchIndex {
        if workers <= 1 || groups.len() < 2 {
            return SearchIndex::of_part(groups, communities);
        }
        let mut parts = groups.chunks(groups.len().div_ceil(workers));
        let own = parts.next().unwrap_or_default();
        std::thread::scope(|scope| {
            let others: Vec<_> = parts
                .map(|part| scope.spawn(move || SearchIndex::of_part(part, communities)))
                .collect();
            let mut index = SearchIndex::of_part(own, communities);
            for other in others {
                let other = other.join().expect("an indexing worker panicked");
                let part = index.parts.len();
                index.parts.extend(other.parts);
                index.groups.extend(
                    other
                        .groups
                        .into_iter()
                        .map(|entry| Entry { part, ..entry }),
                );
            }
            index
        })
    }

    fn of_part(groups: &[Group], communities: &[Community]) -> SearchIndex {
        let mut fields = FieldStore::default();
        let entries = groups
            .iter()
            .map(|group| {
                let community = communities
                    .iter()
                    .find(|c| c.id == group.community)
                    .map(|c| c.name.as_str());
                let range = fields.push_group(group, community);
                let own = GroupFields::new(&fields, range.clone());
                Entry {
                    mask: own.iter().fold(0, |mask, f| mask | f.mask()),
                    part: 0,
                    fields: range,
                    gone: group.status.is_gone(),
                    name: group.name.clone(),
                }
            })
            .collect();
        SearchIndex {
            parts: vec![fields],
            groups: entries,
        }
    }

    /// The group's strings, wherever its part keeps them.
    fn fields(&self, entry: &Entry) -> GroupFields<'_> {
        GroupFields::new(&self.parts[entry.part], entry.fields.clone())
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Matching groups, best first, without the tail nobody wants (`tier::cut`). An empty
    /// query returns every group in input order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let all: Vec<usize> = (0..self.groups.len()).collect();
        self.rank(query, &all)
    }

    /// `search` restricted to the given group indices (the previous hits, when the new query
    /// `narrows` the old one): the same hits as `search`, less those not among the
    /// candidates. Indices out of range are ignored; each group appears once.
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
            self.cut_hits(query, candidates)
        };
        hits.dedup_by_key(|hit| hit.group);
        hits
    }

    /// Ranked hits without the tail. Below a run the cut depends on the best hit of all, and
    /// typos are looked for, so a search within candidates that finds no run among them
    /// searches every group: a group left out of the candidates could decide what stays.
    fn cut_hits(&self, query: &Query, candidates: &[usize]) -> Vec<Hit> {
        if candidates.is_empty() {
            return Vec::new();
        }
        // Scoring every candidate only to learn that none has a run, and then scoring every
        // group again with typos, doubled the cost of the keystrokes where the query has
        // stopped matching contiguously (`sigc` after `sig`); a run is cheap to rule out.
        let mut ranked = if candidates.iter().any(|&g| self.may_run(g, query)) {
            self.ranked_hits(query, candidates, Typos::Skip)
        } else {
            Vec::new()
        };
        let top = ranked.iter().map(|(_, tier)| *tier).max();
        if top.is_none_or(|top| top < Tier::Run) {
            if candidates.len() < self.groups.len() {
                let mut within = vec![false; self.groups.len()];
                candidates.iter().for_each(|&g| within[g] = true);
                let all: Vec<usize> = (0..self.groups.len()).collect();
                ranked = self.ranked_hits(query, &all, Typos::Look);
                cut(&mut ranked, |(hit, tier)| (*tier, hit.score));
                ranked.retain(|(hit, _)| within[hit.group]);
                return ranked.into_iter().map(|(hit, _)| hit).collect();
            }
            ranked = self.ranked_hits(query, candidates, Typos::Look);
        }
        cut(&mut ranked, |(hit, tier)| (*tier, hit.score));
        ranked.into_iter().map(|(hit, _)| hit).collect()
    }

    /// Whether the group might match every set of the query at `Tier::Run` or better: false
    /// only when some set has no `!` term and none of its terms occurs contiguously (or as
    /// its `^`, `$` or `'` kind asks) in any of the group's fields.
    fn may_run(&self, group: usize, query: &Query) -> bool {
        let entry = &self.groups[group];
        let fields = self.fields(entry);
        query.sets.iter().all(|set| {
            set.iter().any(|term| {
                term.inverse
                    || (term.mask & !entry.mask == 0
                        && fields
                            .iter()
                            .any(|f| match_field(term, &f, 0, Scattered::Skip).is_some()))
            })
        })
    }

    /// Best first; equal scores put live groups first, then keep input order.
    fn order(&self, a: &Hit, b: &Hit) -> std::cmp::Ordering {
        b.score
            .cmp(&a.score)
            .then_with(|| self.groups[a.group].gone.cmp(&self.groups[b.group].gone))
            .then_with(|| a.group.cmp(&b.group))
    }

    /// Splits large candidate lists over the machine's cores (scoring a group only reads the
    /// index, so the parts are independent), each part scored and sorted on its own thread;
    /// small registries stay on the calling thread.
    fn ranked_hits(&self, query: &Query, candidates: &[usize], typos: Typos) -> Vec<Ranked> {
        let ranked = |part: &[usize]| {
            let mut hits = self.hits(query, part, typos);
            hits.sort_unstable_by(|a, b| self.order(&a.0, &b.0));
            hits
        };
        let workers = worker_count(candidates.len());
        if workers <= 1 {
            return ranked(candidates);
        }
        let mut parts = candidates.chunks(candidates.len().div_ceil(workers));
        let own = parts.next().unwrap_or_default();
        let mut hits = std::thread::scope(|scope| {
            let others: Vec<_> = parts
                .map(|part| scope.spawn(move || ranked(part)))
                .collect();
            let mut hits = ranked(own);
            for other in others {
                hits.append(&mut other.join().expect("a search worker panicked"));
            }
            hits
        });
        // A stable sort finds the parts' sorted runs and merges them in linear time.
        hits.sort_by(|a, b| self.order(&a.0, &b.0));
        hits
    }

    fn hits(&self, query: &Query, candidates: &[usize], typos: Typos) -> Vec<Ranked> {
        let mut best_fields = Vec::new();
        candidates
            .iter()
            .filter_map(|&g| self.hit(g, query, typos, &mut best_fields))
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

    /// The group's hit if every set of the query matches it.
    fn hit(
        &self,
        group: usize,
        query: &Query,
        typos: Typos,
        best_fields: &mut Vec<BestField>,
    ) -> Option<Ranked> {
        let entry = &self.groups[group];
        let fields = self.fields(entry);
        let outcome = score_group(query, fields, entry.mask, typos, best_fields)?;
        let Some((field, positions)) = outcome.shown else {
            // Only `!` terms: nothing to highlight.
            let hit = Hit {
                score: outcome.score,
                ..self.unmatched_hit(group)
            };
            return Some((hit, outcome.floor));
        };
        let hit = Hit {
            group,
            score: outcome.score,
            field: field.field(),
            text: field.original().to_string(),
            positions,
        };
        Some((hit, outcome.floor))
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

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod synthetic;
