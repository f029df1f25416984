//! Whether a group's links will get a newcomer where they want to go: a meeting "join" link
//! that opens a document, a placeholder where a link should be, invisible characters around a
//! link, a live group with no meeting or no chat. None of these stops loading; `validate`
//! reports them as warnings so registry maintainers can fix them upstream.

use crate::model::{Group, Meeting};
use crate::untrusted::is_invisible;

/// Where a finding belongs, for the caller to turn into a file position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Group,
    Meeting(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub spot: Spot,
    pub message: String,
}

/// Hosts whose pages are documents people read, not calls people join.
const DOCUMENT_HOSTS: &[&str] = &[
    "docs.google.com",
    "drive.google.com",
    "github.com",
    "git.k8s.io",
    "raw.githubusercontent.com",
    "hackmd.io",
    "notes.cncf.io",
];

/// Hosts reserved for examples (RFC 2606) or otherwise never a real destination.
const PLACEHOLDER_HOSTS: &[&str] = &["example.com", "example.org", "example.net", "localhost"];

/// Path segments and hosts labels that mark a link as "fill in later".
const PLACEHOLDER_WORDS: &[&str] = &["tbd", "tba", "todo", "placeholder", "xxx", "changeme"];

pub fn check(g: &Group) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut add = |spot, message: String| findings.push(Finding { spot, message });
    for (i, m) in g.meetings.iter().enumerate() {
        if let Some(join) = &m.join
            && let Some(host) = document_host(join)
        {
            add(
                Spot::Meeting(i),
                format!(
                    "meeting {:?}: the join link {join} opens a document on {host}, not a call",
                    m.title
                ),
            );
        }
        for (what, url) in meeting_links(m) {
            link(
                &mut add,
                Spot::Meeting(i),
                &format!("meeting {:?} {what}", m.title),
                url,
            );
        }
    }
    let group_links = g
        .links
        .iter()
        .chain(&g.mailing_lists)
        .map(|l| ("link", l.url.as_str()))
        .chain(
            g.chat
                .iter()
                .filter_map(|c| Some(("chat link", c.url.as_deref()?))),
        )
        .chain(
            g.projects
                .iter()
                .filter_map(|p| Some(("project link", p.url.as_deref()?))),
        );
    for (what, url) in group_links {
        link(&mut add, Spot::Group, what, url);
    }
    if !g.status.is_gone() {
        if g.meetings.is_empty() {
            add(
                Spot::Group,
                format!(
                    "{} lists no meeting, so townhall can't say when it meets",
                    g.name
                ),
            );
        }
        if g.chat.is_empty() {
            add(Spot::Group, format!("{} lists no chat channel", g.name));
        }
    }
    findings
}

fn meeting_links(m: &Meeting) -> impl Iterator<Item = (&'static str, &str)> {
    let named = [
        ("join link", &m.join),
        ("notes link", &m.notes),
        ("calendar link", &m.calendar),
        ("dial-in list", &m.international),
    ];
    named
        .into_iter()
        .filter_map(|(what, url)| Some((what, url.as_deref()?)))
        .chain(m.recordings.iter().map(|u| ("recordings link", u.as_str())))
        .chain(m.links.iter().map(|l| ("link", l.url.as_str())))
}

fn link(add: &mut impl FnMut(Spot, String), spot: Spot, what: &str, url: &str) {
    if url.chars().any(is_invisible) {
        add(
            spot,
            format!(
                "{what} {:?} has invisible characters; they are removed when loading",
                url.escape_debug().to_string()
            ),
        );
    }
    if let Some(ascii) = crate::untrusted::host::ascii_form(url) {
        add(
            spot,
            format!(
                "{what} {url} names its host in non-ASCII letters, which can imitate another site; townhall shows and opens it as {ascii}"
            ),
        );
    }
    if is_placeholder(url) {
        add(
            spot,
            format!("{what} {url} is a placeholder, not a real link"),
        );
    }
}

fn host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim_matches(|c: char| c.is_whitespace() || is_invisible(c)));
    parsed.ok()?.host_str().map(str::to_ascii_lowercase)
}

/// The host of a link that opens a document: a known document host, or a `.md`/`.pdf` page.
fn document_host(url: &str) -> Option<String> {
    let host = host(url)?;
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    let document =
        DOCUMENT_HOSTS.contains(&host.as_str()) || path.ends_with(".md") || path.ends_with(".pdf");
    document.then_some(host)
}

fn is_placeholder(url: &str) -> bool {
    let Some(host) = host(url) else {
        return false;
    };
    if PLACEHOLDER_HOSTS
        .iter()
        .any(|p| host == *p || host.ends_with(&format!(".{p}")))
    {
        return true;
    }
    let lower = url.to_ascii_lowercase();
    let after_scheme = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    after_scheme
        .split(['/', '.', '?', '#', '=', '&'])
        .any(|part| PLACEHOLDER_WORDS.contains(&part))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Chat, Link, Status};

    fn group() -> Group {
        Group {
            id: "g".into(),
            name: "SIG Example".into(),
            chat: vec![Chat {
                channel: "#g".into(),
                ..Chat::default()
            }],
            meetings: vec![Meeting {
                title: "Weekly".into(),
                published: "Thursdays".into(),
                join: Some("https://zoom.us/j/123".into()),
                ..Meeting::default()
            }],
            ..Group::default()
        }
    }

    fn messages(g: &Group) -> Vec<String> {
        check(g).into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn a_tidy_group_has_no_findings() {
        assert!(check(&group()).is_empty());
    }

    #[test]
    fn a_join_link_to_a_document_is_named_with_its_host() {
        let mut g = group();
        g.meetings[0].join = Some("https://docs.google.com/document/d/abc/edit".into());
        let findings = check(&g);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].spot, Spot::Meeting(0));
        assert!(
            findings[0].message.contains("document on docs.google.com"),
            "{findings:?}"
        );
        g.meetings[0].join = Some("https://git.k8s.io/community/sig-x/README.md#meetings".into());
        assert_eq!(check(&g).len(), 1);
    }

    #[test]
    fn placeholders_are_found_in_hosts_and_path_segments_but_not_inside_words() {
        for url in [
            "https://example.com/meeting",
            "https://zoom.us/j/TBD",
            "https://docs.example.org/x",
        ] {
            assert!(is_placeholder(url), "{url}");
        }
        for url in [
            "https://zoom.us/j/123",
            "https://github.com/todomvc/app",
            "https://tbdx.io/",
        ] {
            assert!(!is_placeholder(url), "{url}");
        }
        let mut g = group();
        g.links.push(Link {
            title: "Roadmap".into(),
            url: "https://example.com/".into(),
            ..Link::default()
        });
        assert_eq!(
            messages(&g),
            ["link https://example.com/ is a placeholder, not a real link"]
        );
    }

    #[test]
    fn invisible_characters_in_links_are_reported() {
        let mut g = group();
        g.meetings[0].notes = Some("\u{200B}https://docs.google.com/d".into());
        let m = messages(&g);
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("\\u{200b}"), "{m:?}");
    }

    #[test]
    fn live_groups_without_meetings_or_chat_are_reported_but_gone_ones_are_not() {
        let mut g = group();
        g.meetings.clear();
        g.chat.clear();
        assert_eq!(
            messages(&g),
            [
                "SIG Example lists no meeting, so townhall can't say when it meets",
                "SIG Example lists no chat channel",
            ]
        );
        g.status = Status::Archived;
        assert!(check(&g).is_empty());
    }
}
