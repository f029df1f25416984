//! The rows of the list pane for each view, with what matched the query for highlighting.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::agenda;
use crate::config::WorkingHours;
use crate::registry::{Group, Registry};
use crate::schedule::Occurrence;
use crate::search::{Query, SearchIndex};

#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// Which field matched: "project", "repo", "lead", ...
    pub label: &'static str,
    pub text: String,
    /// Char indices into `text`.
    pub positions: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub group: usize,
    /// Set in the Projects view: which of the group's projects this row is.
    pub project: Option<usize>,
    /// None when there is no query.
    pub matched: Option<Matched>,
    /// Set in the Upcoming view: which meeting, and when.
    pub meeting: Option<(usize, Occurrence)>,
}

/// Groups ranked by the search core; every group, in registry order, for an empty query.
pub fn groups(index: &SearchIndex, query: &Query, candidates: Option<&[usize]>) -> Vec<Row> {
    let hits = match candidates {
        Some(c) => index.search_within(query, c),
        None => index.search(query),
    };
    let empty = query.is_empty();
    hits.into_iter()
        .map(|h| Row {
            group: h.group,
            project: None,
            meeting: None,
            matched: (!empty).then(|| Matched {
                label: h.field.label(),
                text: h.text,
                positions: h.positions,
            }),
        })
        .collect()
}

/// Every project with its owning group; a query matches the project's name, other names or
/// repos, and the best-scoring of those is shown.
pub fn projects(groups: &[Group], query: &Query) -> Vec<Row> {
    let mut scored = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        for (pi, p) in g.projects.iter().enumerate() {
            if query.is_empty() {
                scored.push((
                    0,
                    Row {
                        group: gi,
                        project: Some(pi),
                        matched: None,
                        meeting: None,
                    },
                ));
                continue;
            }
            let candidates = std::iter::once(("project", &p.name))
                .chain(p.aliases.iter().map(|a| ("also known as", a)))
                .chain(p.repos.iter().map(|r| ("repo", r)));
            let best = candidates
                .filter_map(|(label, text)| {
                    query
                        .match_text(text)
                        .map(|m| (m.score, label, text, m.positions))
                })
                .max_by_key(|(score, ..)| *score);
            if let Some((score, label, text, positions)) = best {
                let matched = Matched {
                    label,
                    text: text.clone(),
                    positions,
                };
                scored.push((
                    score,
                    Row {
                        group: gi,
                        project: Some(pi),
                        matched: Some(matched),
                        meeting: None,
                    },
                ));
            }
        }
    }
    // Stable: equal scores keep registry order.
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, row)| row).collect()
}

/// How far ahead the Upcoming view looks.
pub const UPCOMING_DAYS: u32 = 7;

/// The next week's meetings in time order; a query keeps the groups it matches, and
/// `hours` (when set) keeps meetings starting within the viewer's working hours.
pub fn upcoming(
    registry: &Registry,
    index: &SearchIndex,
    query: &Query,
    now: Timestamp,
    tz: &TimeZone,
    hours: Option<WorkingHours>,
) -> Vec<Row> {
    let matching: Option<Vec<bool>> = (!query.is_empty()).then(|| {
        let mut keep = vec![false; registry.groups.len()];
        index
            .search(query)
            .iter()
            .for_each(|h| keep[h.group] = true);
        keep
    });
    agenda::upcoming(registry, now, UPCOMING_DAYS)
        .into_iter()
        .filter(|e| matching.as_ref().is_none_or(|keep| keep[e.group]))
        .filter(|e| hours.is_none_or(|h| h.contains(e.occurrence.in_zone(tz).0.time())))
        .map(|e| Row {
            group: e.group,
            project: None,
            matched: None,
            meeting: Some((e.meeting, e.occurrence)),
        })
        .collect()
}
