//! Names and one-line fields of a converted registry as plain text.
//!
//! A foreign file now and then writes Markdown where townhall shows a name: OpenTelemetry's
//! "Communications (Website, [Documentation](https://opentelemetry.io/docs/), etc.)". The
//! list and every table would show the brackets and the URL, and the search would match the
//! URL's letters. So the markup goes, the link's text stays, and the URL becomes one of the
//! group's links, titled by that text. Missions and descriptions are prose and keep theirs.

use super::markup::{links, plain};
use crate::model::{CommunityFile, Group, Link, LinkKind};

/// Every group's name, meeting titles, project names, people and link titles as plain text.
pub(crate) fn plain_names(file: &mut CommunityFile) {
    for group in &mut file.groups {
        let mut found = Vec::new();
        clean(&mut group.name, &mut found);
        if let Some(category) = &mut group.category {
            clean(category, &mut found);
        }
        for meeting in &mut group.meetings {
            clean(&mut meeting.title, &mut found);
        }
        for project in &mut group.projects {
            clean(&mut project.name, &mut found);
            for alias in &mut project.aliases {
                clean(alias, &mut found);
            }
        }
        for lead in &mut group.leads {
            clean(&mut lead.name, &mut found);
            for text in [&mut lead.role, &mut lead.company].into_iter().flatten() {
                clean(text, &mut found);
            }
        }
        for link in group.links.iter_mut().chain(&mut group.mailing_lists) {
            clean(&mut link.title, &mut found);
        }
        add_links(group, found);
    }
}

/// `text` without its markup; its links' texts and targets go to `found`.
fn clean(text: &mut String, found: &mut Vec<(String, String)>) {
    if !has_markup(text) {
        return;
    }
    found.extend(links(text).into_iter().map(|l| (l.text, l.target)));
    let words = plain(text);
    if !words.is_empty() {
        *text = words;
    }
}

/// Only text that is plainly Markdown or HTML is rewritten, so a name such as "C++ *nix
/// tools" keeps its stars.
fn has_markup(text: &str) -> bool {
    text.contains("](")
        || text.contains("**")
        || text.contains('`')
        || text.contains('<')
        || text.contains('&')
}

/// The links taken out of the group's names, unless the group already links there or the
/// target is one townhall won't open.
fn add_links(group: &mut Group, found: Vec<(String, String)>) {
    for (text, target) in found {
        let Ok(url) = crate::links::check(&target) else {
            continue;
        };
        let url = url.to_string();
        let known = group
            .links
            .iter()
            .chain(&group.mailing_lists)
            .any(|l| l.url == url || l.url == target);
        if known {
            continue;
        }
        let title = if text.is_empty() { url.clone() } else { text };
        group.links.push(Link {
            kind: LinkKind::Other,
            title,
            url,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Community, Lead, Meeting};

    fn file(group: Group) -> CommunityFile {
        CommunityFile {
            community: Community::default(),
            groups: vec![group],
        }
    }

    #[test]
    fn a_link_in_a_name_leaves_its_text_and_joins_the_links() {
        let name =
            "Communications (Website, [Documentation](https://opentelemetry.io/docs/), etc.)";
        let mut f = file(Group {
            name: name.into(),
            meetings: vec![Meeting {
                title: format!("{name} meeting"),
                ..Meeting::default()
            }],
            ..Group::default()
        });
        plain_names(&mut f);
        let g = &f.groups[0];
        assert_eq!(g.name, "Communications (Website, Documentation, etc.)");
        assert_eq!(
            g.meetings[0].title,
            "Communications (Website, Documentation, etc.) meeting"
        );
        // Named twice, linked once.
        assert_eq!(
            g.links,
            [Link {
                kind: LinkKind::Other,
                title: "Documentation".into(),
                url: "https://opentelemetry.io/docs/".into(),
            }]
        );
    }

    #[test]
    fn markup_goes_but_plain_text_and_unopenable_targets_stay_as_they_were() {
        let mut f = file(Group {
            name: "C++ *nix tools".into(),
            leads: vec![Lead {
                name: "**Ada** Lovelace".into(),
                role: Some("[chair](javascript:void)".into()),
                ..Lead::default()
            }],
            links: vec![Link {
                kind: LinkKind::Docs,
                title: "Docs &amp; [guides](https://example.org/guides)".into(),
                url: "https://example.org/guides".into(),
            }],
            ..Group::default()
        });
        plain_names(&mut f);
        let g = &f.groups[0];
        assert_eq!(g.name, "C++ *nix tools");
        assert_eq!(g.leads[0].name, "Ada Lovelace");
        assert_eq!(g.leads[0].role.as_deref(), Some("chair"));
        assert_eq!(g.links.len(), 1, "{:?}", g.links);
        assert_eq!(g.links[0].title, "Docs & guides");
    }
}
