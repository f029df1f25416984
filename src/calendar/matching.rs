//! Which registry meeting a calendar series is, within one community.
//!
//! First by the call: a Zoom meeting ID (or personal room, or Meet code) in the event's URL,
//! LOCATION or DESCRIPTION equal to the one in the meeting's join link or `meeting_id`. Links
//! are the most reliable clue, since titles drift ("SIG Architecture Bi-Weekly" vs "Regular
//! SIG Meeting"). Then by title: the event names a group ("SIG Node weekly meeting") and,
//! within it, a meeting ("... Production Readiness Office Hours") or the group's one regular
//! meeting. An event that names a group but none of its meetings is a meeting of that group
//! "from the calendar"; the rest stay unmatched, and are counted.
//!
//! Groups that still meet are tried first, so a renamed group's successor that kept the old
//! Zoom room gets the series, not the group it replaced.

use std::collections::BTreeSet;

use jiff::Zoned;

use super::call::{CallKey, key_of};
use super::event::Start;
use super::read::Calendar;
use crate::model::{Group, Meeting, Registry};

/// What a series turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// This registry meeting (indices into `Registry::groups` and its `meetings`).
    Meeting {
        group: usize,
        meeting: usize,
        by: By,
    },
    /// A meeting of this group that the registry doesn't list.
    Group {
        group: usize,
    },
    Unmatched,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Call,
    Title,
}

/// The outcome for each series considered, and the counts a report shows.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// (index into `Calendar::series`, what it is).
    pub series: Vec<(usize, Matched)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub by_call: usize,
    pub by_title: usize,
    pub from_calendar: usize,
    pub unmatched: usize,
}

impl Matches {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (_, m) in &self.series {
            match m {
                Matched::Meeting { by: By::Call, .. } => c.by_call += 1,
                Matched::Meeting { by: By::Title, .. } => c.by_title += 1,
                Matched::Group { .. } => c.from_calendar += 1,
                Matched::Unmatched => c.unmatched += 1,
            }
        }
        c
    }

    /// Series matched to this meeting.
    pub fn of_meeting(&self, group: usize, meeting: usize) -> impl Iterator<Item = usize> + '_ {
        self.series.iter().filter_map(move |(s, m)| match m {
            Matched::Meeting {
                group: g,
                meeting: mi,
                ..
            } if *g == group && *mi == meeting => Some(*s),
            _ => None,
        })
    }
}

/// Matches the given series of `calendar` (indices) against the groups of `community`.
pub fn match_series(
    calendar: &Calendar,
    series: impl IntoIterator<Item = usize>,
    registry: &Registry,
    community: &str,
) -> Matches {
    let noise = community_words(registry, community);
    let groups: Vec<(usize, &Group)> = registry
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.community == community)
        .collect();
    let (live, gone): (Vec<_>, Vec<_>) = groups.into_iter().partition(|(_, g)| !g.status.is_gone());
    let mut out = Matches::default();
    for si in series {
        let Some(s) = calendar.series.get(si) else {
            continue;
        };
        let keys: BTreeSet<&CallKey> = s.call_keys().collect();
        let title = words(s.title(), &noise);
        let start = match &s.lead().start {
            Start::At(z) => Some(z),
            Start::Day(_) => None,
        };
        let found = [&live, &gone]
            .into_iter()
            .map(|groups| {
                by_call(groups, &keys, &title, &noise, start)
                    .or_else(|| by_title(groups, &title, &noise, start))
            })
            .find(|m| m.is_some())
            .flatten()
            .unwrap_or(Matched::Unmatched);
        out.series.push((si, found));
    }
    out
}

fn by_call(
    groups: &[(usize, &Group)],
    keys: &BTreeSet<&CallKey>,
    title: &BTreeSet<String>,
    noise: &BTreeSet<String>,
    start: Option<&Zoned>,
) -> Option<Matched> {
    if keys.is_empty() {
        return None;
    }
    let mut candidates = Vec::new();
    for (gi, g) in groups {
        for (mi, m) in g.meetings.iter().enumerate() {
            if meeting_keys(m).iter().any(|k| keys.contains(k)) {
                candidates.push((*gi, mi, *g, m));
            }
        }
    }
    // One call shared by several meetings (a SIG's room for all its subprojects): the title
    // decides; if it can't, the series isn't claimed by the call.
    let pick = match candidates.len() {
        0 => return None,
        1 => Some(candidates[0]),
        _ => best(candidates.iter().copied(), title, noise, start),
    };
    pick.map(|(group, meeting, _, _)| Matched::Meeting {
        group,
        meeting,
        by: By::Call,
    })
}

fn by_title(
    groups: &[(usize, &Group)],
    title: &BTreeSet<String>,
    noise: &BTreeSet<String>,
    start: Option<&Zoned>,
) -> Option<Matched> {
    if title.is_empty() {
        return None;
    }
    // The group whose distinctive name words all appear in the title; the most words wins
    // ("Node Lifecycle" over "Node").
    let mut named: Vec<(usize, &Group, usize)> = groups
        .iter()
        .filter_map(|(gi, g)| {
            let w = words(&g.name, noise);
            if !w.is_empty() && w.is_subset(title) {
                return Some((*gi, *g, w.len()));
            }
            // "TOC meeting" names the Technical Oversight Committee.
            let initials = acronym(&g.name);
            (initials.len() >= 3 && title.contains(&initials)).then_some((*gi, *g, 1))
        })
        .collect();
    let most = named.iter().map(|(_, _, n)| *n).max()?;
    named.retain(|(_, _, n)| *n == most);
    let [(gi, g, _)] = named.as_slice() else {
        return None;
    };
    let meetings = g
        .meetings
        .iter()
        .enumerate()
        .map(|(mi, m)| (*gi, mi, *g, m));
    Some(match best(meetings, title, noise, start) {
        Some((group, meeting, _, _)) => Matched::Meeting {
            group,
            meeting,
            by: By::Title,
        },
        None => Matched::Group { group: *gi },
    })
}

/// The meeting a title (and the series' first start) points to among `candidates`:
/// the most of its own words (beyond its group's name) in the title, then, among equals,
/// the one whose schedule has the series' weekday and time. A title that names only the
/// group gets the group's one regular meeting.
fn best<'a>(
    candidates: impl Iterator<Item = Candidate<'a>>,
    title: &BTreeSet<String>,
    noise: &BTreeSet<String>,
    start: Option<&Zoned>,
) -> Option<Candidate<'a>> {
    let scored: Vec<(Candidate<'a>, BTreeSet<String>)> = candidates
        .map(|c| {
            let group_words = words(&c.2.name, noise);
            let own: BTreeSet<String> = words(&c.3.title, noise)
                .into_iter()
                .chain(c.3.projects.iter().flat_map(|p| words(p, noise)))
                .filter(|w| !group_words.contains(w))
                .collect();
            (c, own)
        })
        .collect();
    let group_words: BTreeSet<String> = scored
        .iter()
        .flat_map(|(c, _)| words(&c.2.name, noise))
        .collect();
    let extra: BTreeSet<&String> = title.iter().filter(|w| !group_words.contains(*w)).collect();
    let overlap = |own: &BTreeSet<String>| own.iter().filter(|w| extra.contains(w)).count();
    let most = scored
        .iter()
        .map(|(_, own)| overlap(own))
        .max()
        .unwrap_or(0);
    let top: Vec<Candidate<'a>> = if most > 0 {
        scored
            .iter()
            .filter(|(_, own)| overlap(own) == most)
            .map(|(c, _)| *c)
            .collect()
    } else if extra.is_empty() {
        let regular: Vec<Candidate<'a>> = scored
            .iter()
            .filter(|(_, own)| own.is_empty())
            .map(|(c, _)| *c)
            .collect();
        if regular.is_empty() && scored.len() == 1 {
            vec![scored[0].0]
        } else {
            regular
        }
    } else {
        Vec::new()
    };
    match top.as_slice() {
        [one] => Some(*one),
        [] => None,
        many => {
            let agree: Vec<&Candidate<'a>> = many
                .iter()
                .filter(|c| start.is_some_and(|s| meets_at(c.3, s)))
                .collect();
            match agree.as_slice() {
                [one] => Some(**one),
                _ => None,
            }
        }
    }
}

/// (group index, meeting index, group, meeting).
type Candidate<'a> = (usize, usize, &'a Group, &'a Meeting);

/// Whether the meeting's schedule has a meeting starting at this instant.
fn meets_at(m: &Meeting, start: &Zoned) -> bool {
    let Some(rule) = m.rule() else {
        return false;
    };
    let at = start.timestamp();
    let minute = jiff::SignedDuration::from_mins(1);
    rule.occurrences_between(at - minute, at + minute)
        .iter()
        .any(|o| o.start.timestamp() == at)
}

/// The calls a registry meeting is held on: its join link, and its written meeting ID.
fn meeting_keys(m: &Meeting) -> Vec<CallKey> {
    let mut keys = Vec::new();
    if let Some(url) = m.join.as_deref().and_then(|j| crate::links::check(j).ok())
        && let Some(k) = key_of(&url)
    {
        keys.push(k);
    }
    if let Some(id) = &m.meeting_id {
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        if (9..=11).contains(&digits.len()) {
            keys.push(CallKey::Zoom(digits));
        }
    }
    keys
}

/// Words that say nothing about which meeting: kinds of group, cadences, and the
/// community's own name ("Kubernetes SIG Node" is SIG Node).
const FILLER: &[&str] = &[
    "a",
    "and",
    "the",
    "of",
    "for",
    "on",
    "in",
    "with",
    "sig",
    "sigs",
    "wg",
    "wgs",
    "working",
    "group",
    "tag",
    "committee",
    "meeting",
    "meetings",
    "call",
    "weekly",
    "biweekly",
    "bi",
    "monthly",
    "every",
    "other",
    "week",
    "regular",
    "main",
    "general",
    "sync",
    "session",
    "community",
    "subproject",
    "team",
];

fn community_words(registry: &Registry, community: &str) -> BTreeSet<String> {
    let mut noise: BTreeSet<String> = FILLER.iter().map(|w| (*w).to_owned()).collect();
    noise.extend(tokens(community));
    if let Some(c) = registry.community(community) {
        noise.extend(tokens(&c.name));
        noise.extend(c.short.iter().flat_map(|s| tokens(s)));
    }
    if community == "kubernetes" {
        noise.insert("k8s".into());
    }
    noise
}

/// The words of a title or name, less the URLs a calendar copied into it (a Markdown link's
/// target, "OTel Communications (Website, [Documentation](https://...), etc.)"): the
/// registry shows names as plain text, so the URL's words would be extra words to match.
fn tokens(text: &str) -> impl Iterator<Item = String> {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        kept.push_str(&rest[..at]);
        kept.push(' ');
        rest = rest[at + 2..]
            .find(')')
            .map_or("", |end| &rest[at + 2 + end + 1..]);
    }
    kept.push_str(rest);
    let words: Vec<String> = kept
        .split_whitespace()
        .filter(|chunk| !chunk.contains("://"))
        .flat_map(|chunk| chunk.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.into_iter()
}

/// The initials of a several-word name, lower-cased: "toc" for "Technical Oversight
/// Committee".
fn acronym(name: &str) -> String {
    let words: Vec<String> = tokens(name).collect();
    if words.len() < 3 {
        return String::new();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// The words of a name that tell it apart.
fn words(text: &str, noise: &BTreeSet<String>) -> BTreeSet<String> {
    tokens(text).filter(|w| !noise.contains(w)).collect()
}
