//! The rows of the list pane for each view, with what matched the query for highlighting.

use crate::registry::Group;
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
                    },
                ));
            }
        }
    }
    // Stable: equal scores keep registry order.
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, row)| row).collect()
}
