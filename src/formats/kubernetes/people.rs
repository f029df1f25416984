//! People: chairs, technical and emeritus leads, subproject leads and Steering liaisons.
//! Email addresses are read past on purpose: the generator keeps them out of every page it
//! writes, and people are to be reached through the group's channels.

use super::Conversion;
use crate::model::Lead;
use crate::yaml::node::{Node, Value};

const PERSON: &[&str] = &["github", "name", "company", "email"];

/// `leadership` lists and the role each gives.
const LEADERSHIP: &[(&str, &str)] = &[
    ("chairs", "chair"),
    ("tech_leads", "technical lead"),
    ("emeritus_leads", "emeritus lead"),
];

impl Conversion<'_> {
    /// The group's `leadership`.
    pub(super) fn leadership(&mut self, group: &Node, leads: &mut Vec<Lead>) {
        let Some(leadership) = self.reader.map(group, "leadership") else {
            return;
        };
        let known: Vec<&str> = LEADERSHIP.iter().map(|(k, _)| *k).collect();
        self.reader.keys(leadership, "`leadership`", &known);
        for (key, role) in LEADERSHIP {
            for person in self.reader.list(leadership, key) {
                self.person(person, key, role, leads);
            }
        }
    }

    /// A person under `key`, or each of a list of them (liaisons are one person in
    /// Kubernetes' file, but nothing stops a copy from listing two).
    pub(super) fn people(&mut self, node: &Node, key: &str, role: &str, leads: &mut Vec<Lead>) {
        let Some(value) = node.get(key) else { return };
        match &value.value {
            Value::Seq(items) => {
                for item in items {
                    self.person(item, key, role, leads);
                }
            }
            _ if value.is_null() => {}
            _ => self.person(value, key, role, leads),
        }
    }

    pub(super) fn person(&mut self, node: &Node, key: &str, role: &str, leads: &mut Vec<Lead>) {
        if !matches!(node.value, Value::Map(_)) {
            if !node.is_null() {
                let found = node.describe();
                self.reader.warn(
                    node.pos,
                    format!(
                        "a person in `{key}` should be a mapping with `name` and `github`, found {found}; ignored"
                    ),
                );
            }
            return;
        }
        self.reader
            .keys(node, &format!("a person in `{key}`"), PERSON);
        let github = self
            .reader
            .text(node, "github")
            .map(|h| h.trim_start_matches('@').to_string())
            .filter(|h| !h.is_empty());
        let name = self.reader.text(node, "name").or_else(|| github.clone());
        let Some(name) = name else {
            self.reader.warn(
                node.pos,
                format!("a person in `{key}` has neither `name` nor `github`; ignored"),
            );
            return;
        };
        let company = self.reader.text(node, "company");
        add(
            leads,
            Lead {
                name,
                role: Some(role.to_string()),
                company,
                github,
            },
        );
    }
}

/// Adds a lead, or another role to someone already listed: most chairs are also technical
/// leads, and one line per person reads better than the same name twice.
fn add(leads: &mut Vec<Lead>, lead: Lead) {
    let same = |l: &&mut Lead| match (&l.github, &lead.github) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        (None, None) => l.name == lead.name,
        _ => false,
    };
    let Some(existing) = leads.iter_mut().find(same) else {
        leads.push(lead);
        return;
    };
    let role = lead.role.unwrap_or_default();
    match &mut existing.role {
        Some(roles) if roles.split(", ").any(|r| r == role) => {}
        Some(roles) => {
            roles.push_str(", ");
            roles.push_str(&role);
        }
        None => existing.role = Some(role),
    }
    if existing.company.is_none() {
        existing.company = lead.company;
    }
}
