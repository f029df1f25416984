//! The registry as plain data: what one community file holds, and what the rest of townhall
//! reads. Nothing here knows about terminals or YAML positions.
//!
//! Fields that a person might type wrongly in ways worth explaining (zones, times, weekday
//! rules, dates, URLs) are kept as strings here and checked in `registry::validate`, so a bad value is
//! reported with its position instead of failing the whole file, and a schedule townhall
//! cannot understand is still shown as published.

use serde::{Deserialize, Serialize};

use super::rule::Rule;
use super::schedule::{ScheduleSpec, When};

/// One community file: the community itself and its groups.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommunityFile {
    pub community: Community,
    #[serde(default)]
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Community {
    pub id: String,
    /// Left out of a file that patches a known community; a new community must name itself
    /// (`registry::load` says so).
    #[serde(default)]
    pub name: String,
    /// A few letters for narrow columns, as the community abbreviates itself ("K8s",
    /// "OTel"); without it, the initials of a several-word name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Community-wide calendars, lists, chat workspaces and recording channels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// Where a fact came from, so every row can be traced back and re-checked upstream.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What this source contributed, when a group is assembled from several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupKind {
    #[default]
    WorkingGroup,
    Sig,
    Tag,
    Committee,
    UserGroup,
    Other,
}

impl GroupKind {
    pub fn label(self) -> &'static str {
        match self {
            GroupKind::WorkingGroup => "WG",
            GroupKind::Sig => "SIG",
            GroupKind::Tag => "TAG",
            GroupKind::Committee => "committee",
            GroupKind::UserGroup => "UG",
            GroupKind::Other => "group",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Active,
    Archived,
    Dissolved,
    Renamed,
    NeverChartered,
    Proposed,
    Inactive,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Archived => "archived",
            Status::Dissolved => "dissolved",
            Status::Renamed => "renamed",
            Status::NeverChartered => "never chartered",
            Status::Proposed => "proposed",
            Status::Inactive => "inactive",
        }
    }

    /// A group that no longer meets: shown with a marker and ranked below live ones on ties.
    pub fn is_gone(self) -> bool {
        !matches!(self, Status::Active | Status::Proposed)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Unique across every loaded community; a later file naming a loaded id patches that
    /// group (`registry::patch`).
    pub id: String,
    /// Left out of a patch; a new group must have one (`registry::load` says so).
    #[serde(default)]
    pub name: String,
    /// Filled in at load time from the file's community; never written in a group.
    #[serde(skip, default)]
    pub community: String,
    #[serde(default)]
    pub kind: GroupKind,
    #[serde(default)]
    pub status: Status,
    /// Group id that took over, for renamed or dissolved groups (or the one filling the niche).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// Group id this one belongs under (OpenTelemetry's workstream tree: "Sampling" is part
    /// of "Specification: General").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// How the community files the group (OpenTelemetry's `sigCategory`: specification,
    /// implementation, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `YYYY-MM-DD` on which the status took effect, where the sources say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<String>,
    /// Why the status is what it is, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mission: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<Lead>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chat: Vec<Chat>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mailing_lists: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lead {
    pub name: String,
    /// As the source words it: "chair", "technical lead", "TOC sponsor", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// GitHub handle without the `@`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub github: Option<String>,
}

impl Lead {
    /// "Greg Cobb @Gerg — technical lead, VMware": one line for lists of people. A registry
    /// that knows only the handle (OpenTelemetry's) gets "@jmacd", not "jmacd @jmacd".
    pub fn summary(&self) -> String {
        let handle = match self.github.as_deref() {
            Some(h) if h == self.name => {
                return format!("@{h}{}", self.details());
            }
            Some(h) => format!(" @{h}"),
            None => String::new(),
        };
        format!("{}{handle}{}", self.name, self.details())
    }

    /// " — technical lead, VMware", or nothing.
    fn details(&self) -> String {
        let details: Vec<&str> = [self.role.as_deref(), self.company.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if details.is_empty() {
            String::new()
        } else {
            format!(" — {}", details.join(", "))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChatKind {
    #[default]
    Slack,
    Discord,
    Matrix,
    Other,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Chat {
    #[serde(default)]
    pub kind: ChatKind,
    /// Channel name as people say it, with its `#`.
    pub channel: String,
    /// Platform id (Slack `C02HNDJB31R`), stable across renames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    Calendar,
    CalendarIcs,
    MailingList,
    Forum,
    Chat,
    Recordings,
    Notes,
    Charter,
    Docs,
    Whitepaper,
    Presentations,
    Drive,
    SourceDoc,
    Website,
    Repo,
    Converter,
    #[default]
    Other,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    #[serde(default)]
    pub kind: LinkKind,
    pub title: String,
    pub url: String,
}

impl Group {
    /// "no longer held (archived 2024-02)" for a group that no longer meets, so every place
    /// that would show its old call says so in the same words.
    pub fn no_longer_held(&self) -> Option<String> {
        if !self.status.is_gone() {
            return None;
        }
        let month = self
            .status_date
            .as_deref()
            .and_then(|d| d.get(..7))
            .map(|m| format!(" {m}"))
            .unwrap_or_default();
        Some(format!("no longer held ({}{month})", self.status.label()))
    }
}

impl Meeting {
    /// The checked schedule, when loading could read one.
    pub fn rule(&self) -> Option<&Rule> {
        self.when.rule()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Toll {
    Toll,
    TollFree,
    #[default]
    Unknown,
}

/// A number to dial: a dial-in number, or a one-tap string (`+16465588656,,3361029682#`).
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub number: String,
    #[serde(default, skip_serializing_if = "is_unknown_toll")]
    pub toll: Toll,
}

impl Phone {
    /// "US +1 646 558 8656 (toll-free)".
    pub fn summary(&self) -> String {
        let region = self
            .region
            .as_deref()
            .map(|r| format!("{r} "))
            .unwrap_or_default();
        let toll = match self.toll {
            Toll::Toll => " (toll)",
            Toll::TollFree => " (toll-free)",
            Toll::Unknown => "",
        };
        format!("{region}{}{toll}", self.number)
    }
}

fn is_unknown_toll(t: &Toll) -> bool {
    *t == Toll::Unknown
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// What a patch names to reach this meeting when its title is not enough (the patch
    /// renames it, or the group has two meetings of one title); without it, the title is
    /// the meeting's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Left out of a patch that names the meeting by `id`.
    #[serde(default)]
    pub title: String,
    /// The time exactly as the source wrote it; shown even when the schedule can't be read.
    /// Left out of a patch that keeps the loaded time.
    #[serde(default)]
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleSpec>,
    /// `schedule` as loading checked it; never written in a file.
    #[serde(skip)]
    pub when: When,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passcode: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_tap: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dial_in: Vec<Phone>,
    /// Link to the full list of international dial-in numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recordings: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Anything else the source says about joining ("use *6 to mute").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The group's subprojects that hold this meeting (Kubernetes and CNCF subprojects meet
    /// on their own, and several often share one call), by project name; none for the
    /// group's own meetings. Files written before this was a list say `project: Name`.
    #[serde(
        default,
        alias = "project",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub projects: Vec<String>,
}

/// A list, or the single value files wrote before the key became a list.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(one)) => vec![one],
        Some(OneOrMany::Many(many)) => many,
    })
}

impl Project {
    /// "UAA — Identity and auth server": the project's line in lists.
    pub fn summary(&self) -> String {
        match &self.description {
            Some(d) => format!("{} — {d}", self.name),
            None => self.name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Other names the sources use for the same project (the 2021 proposal's "App Autoscaler"
    /// is today's "Autoscaler" area), so either name finds it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `owner/name` on GitHub.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repos: Vec<String>,
    /// OWNERS files (URLs) that give this project a folder inside a shared repository, such
    /// as `kubernetes/kubernetes/pkg/kubelet`; `townhall owner` uses their folders to tell
    /// which group owns a path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_known_only_by_handle_is_not_named_twice() {
        let full = Lead {
            name: "Greg Cobb".into(),
            role: Some("technical lead".into()),
            company: Some("VMware".into()),
            github: Some("Gerg".into()),
        };
        assert_eq!(full.summary(), "Greg Cobb @Gerg — technical lead, VMware");
        let handle_only = Lead {
            name: "jmacd".into(),
            role: Some("TC sponsor (guiding)".into()),
            github: Some("jmacd".into()),
            ..Lead::default()
        };
        assert_eq!(handle_only.summary(), "@jmacd — TC sponsor (guiding)");
        let bare = Lead {
            name: "Ada".into(),
            ..Lead::default()
        };
        assert_eq!(bare.summary(), "Ada");
    }
}
