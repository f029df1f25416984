//! Every project with the group that owns it, found by its name, other names, repos or
//! OWNERS folders: the browser's Projects view ranks them here, and the CLI could too.

use crate::model::Group;
use crate::search::{Query, TextIndex};

/// Which of a project's texts matched, and where (char indices into `text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// "project", "also known as", "repo" or "OWNERS".
    pub label: &'static str,
    pub text: String,
    pub positions: Vec<usize>,
}

/// One project of one group; `matched` is None for an empty query.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectHit {
    pub group: usize,
    pub project: usize,
    pub matched: Option<Matched>,
}

/// Every project name, other name, repo and OWNERS folder, prepared once per registry: the
/// Projects view matches all of them on each keystroke (hundreds of thousands at 10,000
/// groups).
pub struct ProjectTexts {
    /// (group, project, label, text) in registry order; the index's texts in the same order.
    entries: Vec<(usize, usize, &'static str, String)>,
    index: TextIndex,
}

impl ProjectTexts {
    pub fn new(groups: &[Group]) -> ProjectTexts {
        let mut entries = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            for (pi, p) in g.projects.iter().enumerate() {
                entries.push((gi, pi, "project", p.name.clone()));
                entries.extend(
                    p.aliases
                        .iter()
                        .map(|a| (gi, pi, "also known as", a.clone())),
                );
                entries.extend(p.repos.iter().map(|r| (gi, pi, "repo", r.clone())));
                entries.extend(
                    crate::owner::folders(p)
                        .into_iter()
                        .map(|f| (gi, pi, "OWNERS", f)),
                );
            }
        }
        let index = TextIndex::new(entries.iter().map(|e| e.3.as_str()));
        ProjectTexts { entries, index }
    }

    /// Every project, in registry order for an empty query; otherwise the projects whose
    /// texts match, best first, each shown by its best-scoring text. Equal scores keep
    /// registry order.
    pub fn rank(&self, query: &Query) -> Vec<ProjectHit> {
        let hit = |gi, pi, matched| ProjectHit {
            group: gi,
            project: pi,
            matched,
        };
        if query.is_empty() {
            let mut hits: Vec<ProjectHit> =
                self.entries.iter().map(|e| hit(e.0, e.1, None)).collect();
            hits.dedup_by_key(|h| (h.group, h.project));
            return hits;
        }
        // Entries of one project are adjacent: keep the best-scoring one of each run.
        let mut best: Vec<(i64, usize, Matched)> = Vec::new();
        for (i, (gi, pi, label, text)) in self.entries.iter().enumerate() {
            let Some(m) = self.index.match_at(query, i) else {
                continue;
            };
            let matched = Matched {
                label,
                text: text.clone(),
                positions: m.positions,
            };
            match best.last_mut() {
                Some(last) if self.entries[last.1].0 == *gi && self.entries[last.1].1 == *pi => {
                    if m.score > last.0 {
                        *last = (m.score, i, matched);
                    }
                }
                _ => best.push((m.score, i, matched)),
            }
        }
        best.sort_by_key(|(score, ..)| std::cmp::Reverse(*score));
        best.into_iter()
            .map(|(_, i, matched)| hit(self.entries[i].0, self.entries[i].1, Some(matched)))
            .collect()
    }
}
