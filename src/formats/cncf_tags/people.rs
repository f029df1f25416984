//! People in `leadership` (chairs, tech leads, subproject leads) and `contact.toc_liaison`.

use crate::formats::{Reader, handles, leads};
use crate::model::Lead;
use crate::yaml::node::Node;

const PERSON_KEYS: &[&str] = &["github", "lfx_id", "name", "company", "email", "term"];

/// The roles `leadership` lists, as townhall words them.
const ROLES: &[(&str, &str)] = &[
    ("chairs", "chair"),
    ("tech_leads", "tech lead"),
    ("subproject_leads", "subproject lead"),
];

/// A name longer than this with no GitHub handle is a sentence about the role, not a person
/// ("The Contributor Strategy and Advocacy Subproject are lead by CNCF staff ...").
const MAX_NAME_WORDS: usize = 5;

/// Whose leads these are: the group's own, or one subproject's (named in the role).
pub enum Scope<'a> {
    Group,
    Subproject(&'a str),
}

impl Scope<'_> {
    pub fn role(&self, role: &str) -> String {
        match self {
            Scope::Group => role.to_string(),
            Scope::Subproject(name) => format!("{name} {role}"),
        }
    }
}

pub fn leadership(reader: &mut Reader, node: &Node, scope: &Scope, leads: &mut Vec<Lead>) {
    let known: Vec<&str> = ROLES.iter().map(|(key, _)| *key).collect();
    reader.keys(node, "`leadership`", &known);
    for (key, role) in ROLES {
        let role = scope.role(role);
        for entry in reader.list(node, key) {
            if let Some(lead) = person(reader, entry, &role) {
                leads::add(leads, lead);
            }
        }
    }
}

pub fn liaisons(reader: &mut Reader, contact: &Node, scope: &Scope, leads: &mut Vec<Lead>) {
    let role = scope.role("TOC liaison");
    for entry in reader.list(contact, "toc_liaison") {
        if let Some(lead) = person(reader, entry, &role) {
            leads::add(leads, lead);
        }
    }
}

fn person(reader: &mut Reader, node: &Node, role: &str) -> Option<Lead> {
    super::entry(reader, node, &format!("a {role} entry"))?;
    reader.keys(node, &format!("a {role} entry"), PERSON_KEYS);
    let github = node
        .get("github")
        .and_then(|v| handles::github(reader, v, "github"));
    let name = reader.text(node, "name");
    match (&github, &name) {
        (None, None) => {
            reader.warn(
                node.pos,
                format!("a {role} entry with no name and no GitHub handle; skipped"),
            );
            return None;
        }
        (None, Some(name)) if name.split_whitespace().count() > MAX_NAME_WORDS => {
            reader.warn(
                node.pos,
                format!("a {role} entry whose name {name:?} is not a person's, with no GitHub handle; skipped"),
            );
            return None;
        }
        _ => {}
    }
    let term = term(reader, node);
    Some(Lead {
        name: name.or_else(|| github.clone()).unwrap_or_default(),
        role: Some(format!("{role}{term}")),
        company: reader.text(node, "company"),
        github,
    })
}

/// " (term 2025-07-01 to 2027-06-30)", or nothing when the entry gives no term.
fn term(reader: &mut Reader, person: &Node) -> String {
    let Some(term) = reader.map(person, "term") else {
        return String::new();
    };
    reader.keys(term, "a `term`", &["start", "end"]);
    let start = date(reader, term, "start");
    let end = date(reader, term, "end");
    match (start, end) {
        (Some(s), Some(e)) => format!(" (term {s} to {e})"),
        (Some(s), None) => format!(" (term from {s})"),
        (None, Some(e)) => format!(" (term until {e})"),
        (None, None) => String::new(),
    }
}

/// A term date; one that isn't `YYYY-MM-DD` is kept as written, with a warning.
fn date(reader: &mut Reader, term: &Node, key: &str) -> Option<String> {
    let text = reader.text(term, key)?;
    if text.parse::<jiff::civil::Date>().is_err() {
        let pos = term.get(key).map_or(term.pos, |v| v.pos);
        reader.warn(
            pos,
            format!("term {key} {text:?} is not a date (YYYY-MM-DD); kept as written"),
        );
    }
    Some(text)
}
