//! A group's or subproject's `contact`: its Slack channel, mailing lists, GitHub teams and
//! Steering liaison. A subproject's channels and lists are the group's too (townhall's
//! projects carry no contacts of their own), listed once each.

use super::Conversion;
use crate::model::{Chat, ChatKind, Group, Link, LinkKind};
use crate::yaml::node::{Node, Value};

const CONTACT: &[&str] = &[
    "slack",
    "mailing_list",
    "private_mailing_list",
    "teams",
    "liaison",
];
const TEAM: &[&str] = &["name", "description"];

impl Conversion<'_> {
    pub(super) fn contact(&mut self, node: &Node, group: &mut Group) {
        let Some(contact) = self.reader.map(node, "contact") else {
            return;
        };
        self.reader.keys(contact, "`contact`", CONTACT);
        if let Some(chat) = self.slack(contact)
            && !group.chat.iter().any(|c| c.channel == chat.channel)
        {
            group.chat.push(chat);
        }
        for (key, private) in [("mailing_list", false), ("private_mailing_list", true)] {
            if let Some(list) = self.mailing_list(contact, key, private)
                && !group.mailing_lists.iter().any(|l| l.url == list.url)
            {
                group.mailing_lists.push(list);
            }
        }
        for team in self.reader.list(contact, "teams") {
            if let Some(link) = self.team(team)
                && !group.links.iter().any(|l| l.url == link.url)
            {
                group.links.push(link);
            }
        }
        self.people(
            contact,
            "liaison",
            "Steering Committee liaison",
            &mut group.leads,
        );
    }

    /// `slack: sig-cli` is a channel on the community's workspace; its page is built the
    /// way the generator's README templates build it.
    fn slack(&mut self, contact: &Node) -> Option<Chat> {
        let text = self.reader.text(contact, "slack")?;
        if text.contains("://") {
            return self.slack_link(contact);
        }
        let name = text.trim_start_matches('#').trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            let pos = contact.get("slack").map_or(contact.pos, |n| n.pos);
            self.reader.warn(
                pos,
                format!("`slack` should name a channel, found {text:?}; ignored"),
            );
            return None;
        }
        let workspace = self.upstream.slack;
        Some(Chat {
            kind: ChatKind::Slack,
            channel: format!("#{name}"),
            id: None,
            workspace: workspace.map(str::to_string),
            url: workspace.map(|w| format!("https://{w}/messages/{name}")),
        })
    }

    /// A copy that writes the channel's page instead of its name.
    fn slack_link(&mut self, contact: &Node) -> Option<Chat> {
        let url = self.reader.url(contact, "slack", None)?;
        let parsed = url::Url::parse(&url).ok()?;
        let channel = parsed
            .path_segments()
            .and_then(|mut s| s.rfind(|p| !p.is_empty()))
            .map(|c| format!("#{c}"))
            .unwrap_or_else(|| url.clone());
        Some(Chat {
            kind: ChatKind::Slack,
            channel,
            id: None,
            workspace: parsed.host_str().map(str::to_string),
            url: Some(url),
        })
    }

    /// A list's page or address (some files write a bare `name@host`), titled by its name.
    fn mailing_list(&mut self, contact: &Node, key: &str, private: bool) -> Option<Link> {
        let value = contact.get(key)?;
        let address = value
            .as_str()
            .map(str::trim)
            .filter(|t| t.contains('@') && !t.contains(':') && !t.contains('/'));
        let url = match address {
            Some(address) => {
                let mailto = Node {
                    pos: value.pos,
                    value: Value::Scalar {
                        text: format!("mailto:{address}"),
                        quoted: true,
                    },
                };
                self.reader.url_of(&mailto, key, None)?
            }
            None => self.reader.url_of(value, key, None)?,
        };
        Some(Link {
            kind: LinkKind::MailingList,
            title: list_title(&url, private),
            url,
        })
    }

    /// `@kubernetes/sig-cli-bugs: Bug Triage` → the team's page on GitHub, in the community's
    /// own org as the generator links it.
    fn team(&mut self, node: &Node) -> Option<Link> {
        let (name, description) = match &node.value {
            Value::Map(_) => {
                self.reader.keys(node, "a team", TEAM);
                (
                    self.reader.text(node, "name"),
                    self.reader.text(node, "description"),
                )
            }
            _ => (self.reader.text_of(node, "teams"), None),
        };
        let Some(name) = name else {
            if matches!(node.value, Value::Map(_)) {
                self.reader
                    .warn(node.pos, "a team without a `name`; ignored");
            }
            return None;
        };
        let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        if !name.chars().all(valid) {
            self.reader.warn(
                node.pos,
                format!("team {name:?} is not a GitHub team name; ignored"),
            );
            return None;
        }
        let org = &self.upstream.community;
        let handle = format!("@{org}/{name}");
        Some(Link {
            kind: LinkKind::Other,
            title: match description {
                Some(d) => format!("{handle}: {d}"),
                None => handle,
            },
            url: format!("https://github.com/orgs/{org}/teams/{name}"),
        })
    }
}

/// "kubernetes-sig-cli (Google Groups)", "steering-private@kubernetes.io (private)".
fn list_title(url: &str, private: bool) -> String {
    let mut notes = Vec::new();
    let name = match url::Url::parse(url) {
        Ok(u) if u.scheme() == "mailto" => u.path().to_string(),
        Ok(u) if u.host_str() == Some("groups.google.com") => {
            notes.push("Google Groups");
            google_group(&u).unwrap_or_else(|| url.to_string())
        }
        Ok(u) => u
            .path_segments()
            .and_then(|mut s| s.rfind(|p| !p.is_empty()).map(str::to_string))
            .or_else(|| u.host_str().map(str::to_string))
            .unwrap_or_else(|| url.to_string()),
        Err(_) => url.to_string(),
    };
    if private {
        notes.push("private");
    }
    if notes.is_empty() {
        name
    } else {
        format!("{name} ({})", notes.join(", "))
    }
}

/// The group's name in both Google Groups address styles: `/forum/#!forum/<name>` and
/// `/a/<domain>/g/<name>` (or `/g/<name>`).
fn google_group(url: &url::Url) -> Option<String> {
    if let Some(name) = url.fragment().and_then(|f| f.strip_prefix("!forum/")) {
        return Some(name.split('/').next().unwrap_or(name).to_string());
    }
    let segments: Vec<&str> = url.path_segments()?.collect();
    let at = segments.iter().position(|s| *s == "g" || *s == "forum")?;
    segments
        .get(at + 1)
        .filter(|s| !s.is_empty())
        .map(|s| s.to_string())
}
