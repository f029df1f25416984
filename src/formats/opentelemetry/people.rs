//! A workstream's `people`: single-key entries whose key is the role (`gcLiaison: trask`).

use crate::formats::{Reader, handles, leads};
use crate::model::{Group, Lead, Link, LinkKind};
use crate::yaml::node::{Node, Value};

const ROLE_KEYS: &[&str] = &[
    "gcLiaison",
    "tcSponsor",
    "specSponsor",
    "lead",
    "maintainers",
];

/// Sponsorship levels in the schema; `escalation` and `escalating` are the same level, spelled
/// differently by different versions of it.
const LEVELS: &[&str] = &["escalating", "escalation", "guiding", "leading", "tbd"];

pub fn read(reader: &mut Reader, entries: &[Node], collective: bool, group: &mut Group) {
    for entry in entries {
        let Value::Map(pairs) = &entry.value else {
            reader.warn(
                entry.pos,
                format!(
                    "a `people` entry should be a role and a person (`gcLiaison: user`), found {}; skipped",
                    entry.describe()
                ),
            );
            continue;
        };
        reader.keys(entry, "a `people` entry", ROLE_KEYS);
        for (key, value) in pairs {
            match key.as_str() {
                Some("gcLiaison") => person(reader, value, "gcLiaison", "GC liaison", group),
                Some("specSponsor") => person(reader, value, "specSponsor", "spec sponsor", group),
                Some("lead") => person(reader, value, "lead", "lead", group),
                Some("tcSponsor") => tc_sponsor(reader, value, collective, group),
                Some("maintainers") => maintainers(reader, value, group),
                _ => {}
            }
        }
    }
}

fn person(reader: &mut Reader, value: &Node, what: &str, role: &str, group: &mut Group) {
    if let Some(handle) = username(reader, value, what, role) {
        add(group, handle, role.to_string());
    }
}

fn add(group: &mut Group, handle: String, role: String) {
    let lead = Lead {
        name: handle.clone(),
        role: Some(role),
        company: None,
        github: Some(handle),
    };
    leads::add(&mut group.leads, lead);
}

/// The GitHub handle, or None: `tbd` means nobody is assigned yet, which is worth a word.
fn username(reader: &mut Reader, value: &Node, what: &str, role: &str) -> Option<String> {
    if value
        .as_str()
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("tbd"))
    {
        reader.warn(
            value.pos,
            format!("{role} is `tbd` (not assigned yet); no one is listed"),
        );
        return None;
    }
    handles::github(reader, value, what)
}

/// `tcSponsor: {username, level}`; the level ("guiding") goes into the role.
fn tc_sponsor(reader: &mut Reader, value: &Node, collective: bool, group: &mut Group) {
    let (handle, level) = match &value.value {
        Value::Map(_) => {
            reader.keys(value, "a `tcSponsor`", &["username", "level"]);
            let Some(name) = value.get("username") else {
                reader.warn(value.pos, "a `tcSponsor` without a `username`; skipped");
                return;
            };
            let handle = username(reader, name, "username", "TC sponsor");
            (handle, level(reader, value))
        }
        _ => (username(reader, value, "tcSponsor", "TC sponsor"), None),
    };
    let Some(handle) = handle else { return };
    let notes: Vec<&str> = level
        .as_deref()
        .into_iter()
        .chain(collective.then_some("with the whole TC, collectively"))
        .collect();
    let role = if notes.is_empty() {
        "TC sponsor".to_string()
    } else {
        format!("TC sponsor ({})", notes.join("; "))
    };
    add(group, handle, role);
}

/// The level as written, or None for `tbd` ("not yet determined") and no level.
fn level(reader: &mut Reader, sponsor: &Node) -> Option<String> {
    let level = reader.text(sponsor, "level")?;
    if level.eq_ignore_ascii_case("tbd") {
        return None;
    }
    if !LEVELS.contains(&level.as_str()) {
        let pos = sponsor.get("level").map_or(sponsor.pos, |l| l.pos);
        reader.warn(
            pos,
            format!("unknown TC sponsorship level {level:?} (expected escalating, guiding, leading or tbd); kept as written"),
        );
    }
    Some(level)
}

/// `maintainers: open-telemetry/java-maintainers` is a GitHub team, shown as a link to it.
fn maintainers(reader: &mut Reader, value: &Node, group: &mut Group) {
    let Some(team) = handles::team(reader, value, "maintainers") else {
        return;
    };
    let (org, slug) = team.split_once('/').unwrap_or_default();
    group.links.push(Link {
        kind: LinkKind::Other,
        title: format!("Maintainers (@{team})"),
        url: format!("https://github.com/orgs/{org}/teams/{slug}"),
    });
}
