//! The converter replaced the TAG and TOC rows that `data/cncf.yaml` compiled by hand from
//! the same `tags.yaml` (kept beside this file as `hand_compiled.yaml`), so it must carry
//! their facts. Every difference is listed here with the reason it is accepted; anything
//! else fails.

use std::collections::BTreeSet;

use super::fixture::fixture;
use crate::model::Group;
use crate::registry::load::{Input, Loaded, load_inputs};

/// Calendar, recordings and notes links that `data/cncf.yaml` files as group links: when it
/// was written a meeting needed a day and time, and these meetings have none. The converter
/// makes each TAG's `meetings` entry a meeting holding the three links.
const MOVED_TO_MEETING: &[(&str, &str)] = &[
    (
        "cncf-tag-developer-experience",
        "https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-developer-experience?view=list",
    ),
    (
        "cncf-tag-developer-experience",
        "https://www.youtube.com/@CNCFTAGDeveloperExperience",
    ),
    (
        "cncf-tag-developer-experience",
        "https://docs.google.com/document/d/1dRS0DUzp3TY-u-iKmCdk_fuGZHaYfI4_TG1A6Ponxws/edit?usp=sharing",
    ),
    (
        "cncf-tag-infrastructure",
        "https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-infrastructure?view=list",
    ),
    (
        "cncf-tag-infrastructure",
        "https://www.youtube.com/@CNCFTAGInfrastructure",
    ),
    (
        "cncf-tag-infrastructure",
        "https://notes.cncf.io/6iwUCAaIQ72QAKr4MTCnUQ",
    ),
    (
        "cncf-tag-operational-resilience",
        "https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-operational-resilience?view=list",
    ),
    (
        "cncf-tag-operational-resilience",
        "https://www.youtube.com/@TAGOperationalResilience",
    ),
    (
        "cncf-tag-operational-resilience",
        "https://notes.cncf.io/s/oWHc3r0r7",
    ),
    (
        "cncf-tag-security-and-compliance",
        "https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-security-and-compliance?view=list",
    ),
    (
        "cncf-tag-security-and-compliance",
        "https://www.youtube.com/@CNCFTAGSecurityandCompliance",
    ),
    (
        "cncf-tag-security-and-compliance",
        "https://docs.google.com/document/d/1M4bPKmjothdFFnhV3ox7uiur50faDDh909UlEpdk5JQ/edit?tab=t.0",
    ),
    (
        "cncf-tag-workloads-foundation",
        "https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-workloads-foundation?view=list",
    ),
    (
        "cncf-tag-workloads-foundation",
        "https://www.youtube.com/@CNCFTAGWorkloadsFoundation",
    ),
    (
        "cncf-tag-workloads-foundation",
        "https://notes.cncf.io/s/1aNdplhtl",
    ),
];

/// Facts of the TOC subprojects that `data/cncf.yaml` keeps in comments only (its `cncf-toc`
/// row holds nothing but the three projects); the converter puts them on `cncf-toc`, marked
/// as the subprojects'. Its charter links are new too: the generator writes a charter into
/// each subproject folder.
const ONLY_CONVERTED: &[(&str, &str)] = &[
    ("lead", "nate-double-u"),
    ("lead", "angellk"),
    ("lead", "brandtkeller"),
    ("lead", "kevin-wangzefeng"),
    ("lead", "abebars"),
    ("chat", "C08N4CKUHB2"),
    ("chat", "CGPK98JNQ"),
    ("chat", "C08M8L74NAJ"),
    (
        "list",
        "https://lists.cncf.io/g/contributor-strategy-subproject",
    ),
    ("list", "https://lists.cncf.io/g/tag-cs-mentoring-wg"),
    (
        "list",
        "https://lists.cncf.io/g/cncf-project-reviews-subproject",
    ),
    (
        "link",
        "https://github.com/cncf/toc/blob/main/toc_subprojects/contributor-strategy-and-advocacy-subproject/charter.md",
    ),
    (
        "link",
        "https://github.com/cncf/toc/issues?q=state%3Aopen%20label%3Atoc%2Fcontributor-strategy-and-advocacy-subproject%20label%3Akind%2Finitiative",
    ),
    (
        "link",
        "https://github.com/cncf/toc/blob/main/toc_subprojects/mentoring-subproject/charter.md",
    ),
    (
        "link",
        "https://github.com/cncf/toc/issues?q=state%3Aopen%20label%3Atoc%2Fmentoring-subproject%20label%3Akind%2Finitiative",
    ),
    (
        "link",
        "https://github.com/cncf/toc/blob/main/toc_subprojects/project-reviews-subproject/charter.md",
    ),
    (
        "link",
        "https://github.com/cncf/toc/issues?q=state%3Aopen%20label%3Atoc%2Fproject-reviews-subproject%20label%3Akind%2Finitiative",
    ),
];

fn load(name: &str, text: String) -> Loaded {
    let loaded = load_inputs(&[Input::new(name, text)]);
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    loaded
}

fn hand_compiled() -> Loaded {
    load(
        "hand_compiled.yaml",
        include_str!("hand_compiled.yaml").to_string(),
    )
}

/// The groups `tags.yaml` describes, as `data/cncf.yaml` has them.
fn replaced(hand: &Loaded) -> Vec<&Group> {
    let groups: Vec<&Group> = hand
        .registry
        .groups
        .iter()
        .filter(|g| g.id.starts_with("cncf-tag-") || g.id == "cncf-toc")
        .collect();
    assert_eq!(groups.len(), 6);
    groups
}

/// Lead handles, chat ids, mailing-list URLs and link URLs, as `(kind, value)`.
fn facts(g: &Group) -> BTreeSet<(&'static str, String)> {
    let leads = g.leads.iter().filter_map(|l| l.github.clone());
    let chat = g.chat.iter().filter_map(|c| c.id.clone());
    let lists = g.mailing_lists.iter().map(|l| l.url.clone());
    let links = g.links.iter().map(|l| l.url.clone());
    leads
        .map(|v| ("lead", v))
        .chain(chat.map(|v| ("chat", v)))
        .chain(lists.map(|v| ("list", v)))
        .chain(links.map(|v| ("link", v)))
        .collect()
}

#[test]
fn the_converted_groups_carry_the_facts_of_the_hand_compiled_rows() {
    let hand = hand_compiled();
    let converted = load("tags.yaml", fixture());
    for old in replaced(&hand) {
        let new = converted
            .registry
            .group(&old.id)
            .unwrap_or_else(|| panic!("{} is not converted", old.id));
        let (old_facts, new_facts) = (facts(old), facts(new));
        let missing: BTreeSet<_> = old_facts.difference(&new_facts).cloned().collect();
        let moved: BTreeSet<(&str, String)> = MOVED_TO_MEETING
            .iter()
            .filter(|(id, _)| *id == old.id)
            .map(|(_, url)| ("link", url.to_string()))
            .collect();
        assert_eq!(missing, moved, "{}", old.id);
        for (_, url) in &moved {
            let in_meeting = new.meetings.iter().any(|m| {
                m.calendar.as_ref() == Some(url)
                    || m.notes.as_ref() == Some(url)
                    || m.recordings.contains(url)
            });
            assert!(in_meeting, "{}: {url} is in no meeting", old.id);
        }
        let extra: BTreeSet<_> = new_facts.difference(&old_facts).cloned().collect();
        let accepted: BTreeSet<_> = ONLY_CONVERTED
            .iter()
            .filter(|_| old.id == "cncf-toc")
            .map(|(kind, value)| (*kind, value.to_string()))
            .collect();
        assert_eq!(extra, accepted, "{}", old.id);
    }
}

/// Beyond the sets above: the same people with the same roles, terms and companies, the same
/// channels and lists, missions and subprojects. Accepted differences: chat entries gain the
/// `https://cloud-native.slack.com/archives/<id>` link the generator's templates give them;
/// project descriptions are the published mission statements, where `data/cncf.yaml`
/// summarized them in its own words (and gave Security Assessments the alias TSSA); the
/// Batch meeting gains a schedule (every other Tuesday, which weeks left open), since
/// townhall now shows such a meeting's weeks as possible dates instead of none.
#[test]
fn the_tags_have_the_same_people_channels_lists_and_subprojects() {
    let hand = hand_compiled();
    let converted = load("tags.yaml", fixture());
    for old in replaced(&hand).into_iter().filter(|g| g.id != "cncf-toc") {
        let new = converted.registry.group(&old.id).unwrap();
        assert_eq!(
            (&new.name, new.kind, new.status, &new.mission),
            (&old.name, old.kind, old.status, &old.mission)
        );
        assert_eq!(new.leads, old.leads, "{}", old.id);
        let channels = |g: &Group| -> Vec<_> {
            g.chat
                .iter()
                .map(|c| (c.kind, c.channel.clone(), c.id.clone(), c.workspace.clone()))
                .collect()
        };
        assert_eq!(channels(new), channels(old), "{}", old.id);
        assert_eq!(new.mailing_lists, old.mailing_lists, "{}", old.id);
        let projects = |g: &Group| -> Vec<_> {
            g.projects
                .iter()
                .map(|p| (p.name.clone(), p.url.clone()))
                .collect()
        };
        assert_eq!(projects(new), projects(old), "{}", old.id);
        for m in &old.meetings {
            let same = new.meetings.iter().any(|n| {
                (&n.title, &n.published, &n.join, &n.notes)
                    == (&m.title, &m.published, &m.join, &m.notes)
            });
            assert!(same, "{}: {m:#?}", old.id);
        }
    }
    let toc = |l: &Loaded| {
        let g = l.registry.group("cncf-toc").unwrap();
        let projects: Vec<_> = g
            .projects
            .iter()
            .map(|p| (p.name.clone(), p.url.clone()))
            .collect();
        (g.name.clone(), g.kind, projects)
    };
    assert_eq!(toc(&converted), toc(&hand));
}
