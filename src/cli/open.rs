//! `townhall open ID [WHAT]`: one of a group's links, handed to the browser exactly as the
//! browser's `z`, `s`, `m` and `o` keys do (the allow-list and `$BROWSER` of `links`), or
//! printed with `--print` for scripts.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::Timestamp;

use super::{EXIT_BROKEN_REGISTRY, EXIT_PROBLEMS, show, status_text};
use crate::agenda::{self, Calendars};
use crate::links;
use crate::model::{Group, LinkKind, Meeting, Registry};

/// Which link `open` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Join,
    Chat,
    List,
    Notes,
    Recordings,
    Charter,
    /// 1-based, as `show` and the detail pane number a group's links.
    Number(usize),
}

impl What {
    /// The words, with what each opens (completion shows these beside them).
    pub const WORDS: [(&'static str, &'static str); 6] = [
        ("join", "the next meeting's call (the default)"),
        ("chat", "the chat channel"),
        ("list", "the mailing list"),
        ("notes", "the next meeting's notes"),
        ("recordings", "the meeting recordings"),
        ("charter", "the charter"),
    ];

    pub fn parse(text: &str) -> Result<What, String> {
        let word = text.trim().to_ascii_lowercase();
        let what = match word.as_str() {
            "join" => What::Join,
            "chat" => What::Chat,
            "list" => What::List,
            "notes" => What::Notes,
            "recordings" => What::Recordings,
            "charter" => What::Charter,
            number => match number.parse::<usize>() {
                Ok(n) => What::Number(n),
                Err(_) => {
                    let words: Vec<&str> = What::WORDS.iter().map(|(w, _)| *w).collect();
                    return Err(format!(
                        "`{}` is not a link to open (expected {}, or a link number as `show` prints them)",
                        text.escape_debug(),
                        words.join(", ")
                    ));
                }
            },
        };
        Ok(what)
    }

    /// How a message names what is missing: "lists no chat channel".
    fn missing(self) -> &'static str {
        match self {
            What::Join => "call link for its meetings",
            What::Chat => "chat channel with a link",
            What::List => "mailing list",
            What::Notes => "meeting notes",
            What::Recordings => "recordings",
            What::Charter => "charter",
            What::Number(_) => "such link",
        }
    }
}

/// A link found for the request, with the words the messages use for it.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    pub label: String,
    pub url: String,
}

impl Found {
    fn new(label: impl Into<String>, url: &str) -> Option<Found> {
        Some(Found {
            label: label.into(),
            url: url.to_string(),
        })
    }
}

pub fn run(
    registry: &Registry,
    calendars: &Calendars,
    id: &str,
    what: &str,
    print: bool,
    now: Timestamp,
) -> io::Result<ExitCode> {
    let Some(group) = registry.group(id) else {
        crate::errln!(
            "townhall: no group with id `{}`{}",
            id.escape_debug(),
            show::suggestion(registry, id)
        );
        return Ok(ExitCode::from(EXIT_PROBLEMS));
    };
    let what = match What::parse(what) {
        Ok(what) => what,
        Err(e) => {
            crate::errln!("townhall: {e}");
            return Ok(ExitCode::from(EXIT_BROKEN_REGISTRY));
        }
    };
    if group.status.is_gone() {
        let gone = no_longer_meets(registry, group);
        if what == What::Join {
            crate::errln!(
                "townhall: {gone}, so there is no call to join (`townhall open {} N` opens a listed link)",
                group.id
            );
            return Ok(ExitCode::from(EXIT_PROBLEMS));
        }
        crate::errln!("townhall: note: {gone}");
    }
    let gi = registry.group_index(id).expect("found above");
    let found = match find(registry, calendars, gi, what, now) {
        Ok(found) => found,
        Err(message) => {
            crate::errln!("townhall: {message}");
            return Ok(ExitCode::from(EXIT_PROBLEMS));
        }
    };
    // The same check the browser makes: a refused link is named, never handed on.
    let url = match links::check(&found.url) {
        Ok(url) => url,
        Err(e) => {
            crate::errln!("townhall: refused to open {}: {e}", found.label);
            return Ok(ExitCode::from(EXIT_PROBLEMS));
        }
    };
    if print {
        writeln!(crate::untrusted::output::stdout(), "{}", url.as_str())?;
        return Ok(ExitCode::SUCCESS);
    }
    match links::open(url.as_str()) {
        Ok(_) => {
            crate::errln!("townhall: opened {}: {}", found.label, url.as_str());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            crate::errln!("townhall: {e}; the {} is {}", found.label, url.as_str());
            Ok(ExitCode::from(EXIT_PROBLEMS))
        }
    }
}

/// "Service Management is dissolved → cf-foundational-infrastructure (since 2024-02-01)
/// (`townhall open cf-foundational-infrastructure` for the group that took over): it no
/// longer meets".
fn no_longer_meets(registry: &Registry, g: &Group) -> String {
    let since = g
        .status_date
        .as_deref()
        .map(|d| format!(" (since {d})"))
        .unwrap_or_default();
    let mut text = format!("{} is {}{since}", g.name, status_text(g));
    if let Some(s) = g
        .successor
        .as_deref()
        .filter(|s| registry.group(s).is_some())
    {
        text.push_str(&format!(
            " (`townhall open {s}` for the group that took over)"
        ));
    }
    text.push_str(": it no longer meets");
    text
}

/// The link `what` names, or a message saying the group has none.
pub fn find(
    registry: &Registry,
    calendars: &Calendars,
    gi: usize,
    what: What,
    now: Timestamp,
) -> Result<Found, String> {
    let g = &registry.groups[gi];
    let meetings = by_next(registry, calendars, gi, now);
    let of_kind = |kind: LinkKind| {
        g.links
            .iter()
            .find(|l| l.kind == kind)
            .and_then(|l| Found::new(&l.title, &l.url))
    };
    let found = match what {
        What::Join => meetings.iter().find_map(|(m, own)| {
            let url = own.as_deref().or(m.join.as_deref())?;
            Found::new(format!("call of {}", m.title), url)
        }),
        What::Notes => meetings
            .iter()
            .find_map(|(m, _)| Found::new(format!("notes of {}", m.title), m.notes.as_deref()?))
            .or_else(|| of_kind(LinkKind::Notes)),
        What::Recordings => meetings
            .iter()
            .find_map(|(m, _)| {
                Found::new(format!("recordings of {}", m.title), m.recordings.first()?)
            })
            .or_else(|| of_kind(LinkKind::Recordings)),
        What::Chat => g
            .chat
            .iter()
            .find_map(|c| Found::new(format!("chat {}", c.channel), c.url.as_deref()?))
            .or_else(|| of_kind(LinkKind::Chat)),
        What::List => g
            .mailing_lists
            .first()
            .and_then(|l| Found::new(format!("mailing list {}", l.title), &l.url))
            .or_else(|| of_kind(LinkKind::MailingList)),
        What::Charter => of_kind(LinkKind::Charter),
        What::Number(n) => {
            let all = links::of_group(g);
            return n
                .checked_sub(1)
                .and_then(|i| all.get(i))
                .map(|l| Found {
                    label: format!("link {n} ({})", l.label),
                    url: l.url.clone(),
                })
                .ok_or_else(|| match all.len() {
                    0 => format!("{} ({}) lists no links", g.name, g.id),
                    count => format!(
                        "{} ({}) has links 1 to {count}, not {n} (`townhall show {}` numbers them)",
                        g.name, g.id, g.id
                    ),
                });
        }
    };
    found.ok_or_else(|| {
        format!(
            "{} ({}) lists no {} (`townhall show {}` has what it lists)",
            g.name,
            g.id,
            what.missing(),
            g.id
        )
    })
}

/// The group's meetings, the one that comes next first, each with the join link its next
/// occurrence has of its own (a calendar's): those with a next occurrence that takes place
/// in time order (the calendar's, for a meeting it speaks for), then those with only a
/// published time, then those that are over.
fn by_next<'r>(
    registry: &'r Registry,
    calendars: &Calendars,
    gi: usize,
    now: Timestamp,
) -> Vec<(&'r Meeting, Option<String>)> {
    let g = &registry.groups[gi];
    // (rank, next start, place in the file, the meeting, its next occurrence's own link)
    type Keyed<'m> = (u8, Option<Timestamp>, usize, &'m Meeting, Option<String>);
    let mut keyed: Vec<Keyed> = g
        .meetings
        .iter()
        .enumerate()
        .map(
            |(i, m)| match agenda::next_of(registry, calendars, (gi, i), now) {
                Some(next) => (0, Some(next.occurrence.start.timestamp()), i, m, next.join),
                None if m.rule().is_none() && calendars.source_of(gi, i).is_none() => {
                    (1, None, i, m, None)
                }
                None => (2, None, i, m, None),
            },
        )
        .collect();
    keyed.sort_by_key(|(rank, start, i, ..)| (*rank, *start, *i));
    keyed.into_iter().map(|(.., m, own)| (m, own)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{self, Sources};

    fn builtin() -> Registry {
        registry::load(&Sources::builtin_only()).registry
    }

    fn now() -> Timestamp {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    /// `find` on a group of `r`, with no calendars.
    fn find_in(r: &Registry, id: &str, what: What, now: Timestamp) -> Result<Found, String> {
        let gi = r.group_index(id).unwrap();
        find(r, &Calendars::default(), gi, what, now)
    }

    /// `find` on a group standing alone.
    fn find_alone(g: &Group, what: What, now: Timestamp) -> Result<Found, String> {
        let r = Registry {
            groups: vec![g.clone()],
            ..Registry::default()
        };
        find(&r, &Calendars::default(), 0, what, now)
    }

    #[test]
    fn words_and_numbers_parse_and_anything_else_is_named() {
        assert_eq!(What::parse("Chat"), Ok(What::Chat));
        assert_eq!(What::parse("12"), Ok(What::Number(12)));
        let e = What::parse("zoom").unwrap_err();
        assert!(e.starts_with("`zoom` is not a link to open"), "{e}");
        assert!(
            e.contains("join, chat, list, notes, recordings, charter"),
            "{e}"
        );
    }

    #[test]
    fn chat_is_the_slack_channel_and_list_the_mailing_list() {
        let r = builtin();
        let id = "cncf-tag-security-and-compliance";
        let chat = find_in(&r, id, What::Chat, now()).unwrap();
        assert_eq!(
            chat.url,
            "https://cloud-native.slack.com/archives/C08JZ9YLAA3"
        );
        let list = find_in(&r, id, What::List, now()).unwrap();
        assert_eq!(
            list.url,
            "https://lists.cncf.io/g/cncf-tag-security-and-compliance"
        );
    }

    #[test]
    fn numbers_follow_the_detail_pane_and_out_of_range_says_how_many() {
        let r = builtin();
        let g = r.group("cncf-wg-serverless").unwrap();
        let all = links::of_group(g);
        let id = "cncf-wg-serverless";
        let second = find_in(&r, id, What::Number(2), now()).unwrap();
        assert_eq!(second.url, all[1].url);
        let e = find_in(&r, id, What::Number(all.len() + 1), now()).unwrap_err();
        assert!(e.contains(&format!("has links 1 to {}", all.len())), "{e}");
        assert!(find_in(&r, id, What::Number(0), now()).is_err());
    }

    #[test]
    fn join_takes_the_meeting_that_comes_next() {
        let mut g = Group {
            id: "g".into(),
            name: "G".into(),
            ..Group::default()
        };
        let r = builtin();
        // Two real meetings of different weekdays, in the order the file gives them.
        let cf = r.group("cf-app-runtime-interfaces").unwrap();
        let serverless = r.group("cncf-wg-serverless").unwrap();
        let mut later = cf.meetings[0].clone();
        later.join = Some("https://zoom.us/j/later".into());
        let mut sooner = serverless.meetings[0].clone();
        sooner.join = Some("https://zoom.us/j/sooner".into());
        g.meetings = vec![later.clone(), sooner.clone()];
        let first = |now: &str| {
            find_alone(&g, What::Join, now.parse().unwrap())
                .unwrap()
                .url
        };
        // On 10 March 2026 the serverless call (Thursday 12th) comes before ARI's (24th).
        assert_eq!(first("2026-03-10T12:00:00Z"), "https://zoom.us/j/sooner");
        // On Friday 20 March the next serverless call is the 26th, ARI's the 24th.
        assert_eq!(first("2026-03-20T12:00:00Z"), "https://zoom.us/j/later");
    }

    #[test]
    fn a_group_without_the_link_says_what_is_missing() {
        let g = Group {
            id: "g".into(),
            name: "G".into(),
            ..Group::default()
        };
        assert_eq!(
            find_alone(&g, What::Charter, now()).unwrap_err(),
            "G (g) lists no charter (`townhall show g` has what it lists)"
        );
    }
}
