//! The searchable texts of a group, prepared once so a keystroke only scans and scores.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::{Group, GroupKind};

/// Which part of a group a hit came from, so the list can say why a group matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Name,
    Id,
    /// A project's name or one of its aliases.
    Project,
    ProjectDescription,
    Repo,
    Lead,
    /// A lead's GitHub handle.
    Github,
    Chat,
    Mission,
    Goal,
    /// The group's status ("archived"), so `!archived` hides archived groups.
    Status,
    /// What kind of group it is ("special interest group (SIG)").
    Kind,
    /// The community's id and name.
    Community,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Id => "id",
            Field::Project => "project",
            Field::ProjectDescription => "project description",
            Field::Repo => "repo",
            Field::Lead => "lead",
            Field::Github => "github",
            Field::Chat => "chat",
            Field::Mission => "mission",
            Field::Goal => "goal",
            Field::Status => "status",
            Field::Kind => "kind",
            Field::Community => "community",
        }
    }

    #[cfg(test)]
    pub(crate) const ALL: [Field; 13] = [
        Field::Name,
        Field::Id,
        Field::Project,
        Field::ProjectDescription,
        Field::Repo,
        Field::Lead,
        Field::Github,
        Field::Chat,
        Field::Mission,
        Field::Goal,
        Field::Status,
        Field::Kind,
        Field::Community,
    ];

    /// How much a match here says about the group, within its tier (`tier`): a name says the
    /// most, and long prose the least, since a few hundred chars of mission contain almost
    /// any letters in order; of prose, the mission (what the group is for) says more than one
    /// project's description. Prose weighs less than half of any short field, so a run in a
    /// short field outranks any match in prose and a search need not read the prose of such a
    /// group at all. Status, kind and community sit between: every group of a community
    /// shares them, so they say less than a channel, but they are one or two words.
    pub(crate) fn weight(self) -> i64 {
        match self {
            Field::Name => 100,
            Field::Project => 90,
            Field::Id => 80,
            Field::Lead | Field::Github => 70,
            Field::Repo => 60,
            Field::Chat => 50,
            Field::Status | Field::Kind | Field::Community => 30,
            Field::Mission => 24,
            Field::Goal => 22,
            Field::ProjectDescription => 20,
        }
    }

    /// Prose: scattered letters count a fraction, and SkimMatcherV2 is not run on it.
    pub(crate) fn is_prose(self) -> bool {
        matches!(
            self,
            Field::ProjectDescription | Field::Goal | Field::Mission
        )
    }

    /// Words every group of a status, kind or community has: they match as runs only, never
    /// as scattered letters, and never name a group.
    pub(crate) fn is_label(self) -> bool {
        matches!(self, Field::Status | Field::Kind | Field::Community)
    }
}

fn borrowed(field: Field, text: &str) -> (Field, Cow<'_, str>) {
    (field, Cow::Borrowed(text))
}

/// The searchable strings of `group`, heaviest field first, empty ones left out. A
/// project's OWNERS folders (`kubernetes/kubernetes/pkg/kubelet`) count as repos, so a
/// path finds the group that owns it. `community` is the name of the group's community,
/// when known.
pub(crate) fn group_texts<'a>(
    group: &'a Group,
    community: Option<&'a str>,
) -> Vec<(Field, Cow<'a, str>)> {
    let mut texts = vec![
        borrowed(Field::Name, &group.name),
        borrowed(Field::Id, &group.id),
    ];
    for project in &group.projects {
        texts.push(borrowed(Field::Project, &project.name));
        texts.extend(project.aliases.iter().map(|a| borrowed(Field::Project, a)));
        texts.extend(
            project
                .description
                .as_deref()
                .map(|d| borrowed(Field::ProjectDescription, d)),
        );
        texts.extend(project.repos.iter().map(|r| borrowed(Field::Repo, r)));
        texts.extend(
            crate::owner::folders(project)
                .into_iter()
                .map(|f| (Field::Repo, Cow::Owned(f))),
        );
    }
    for lead in &group.leads {
        texts.push(borrowed(Field::Lead, &lead.name));
        texts.extend(lead.github.as_deref().map(|g| borrowed(Field::Github, g)));
    }
    texts.extend(group.chat.iter().map(|c| borrowed(Field::Chat, &c.channel)));
    texts.extend(
        group
            .mission
            .as_deref()
            .map(|m| borrowed(Field::Mission, m)),
    );
    texts.extend(group.goals.iter().map(|g| borrowed(Field::Goal, g)));
    texts.push((Field::Status, Cow::Borrowed(group.status.label())));
    texts.extend(kind_words(group.kind).map(|k| (Field::Kind, Cow::Borrowed(k))));
    texts.push(borrowed(Field::Community, &group.community));
    texts.extend(
        community
            .filter(|name| !name.eq_ignore_ascii_case(&group.community))
            .map(|name| borrowed(Field::Community, name)),
    );
    // Stable, so equal weights keep registry order (a lead's name before later leads).
    texts.sort_by_key(|(field, _)| -field.weight());
    texts.retain(|(_, text)| !text.trim().is_empty());
    texts
}

/// The kind as people say it, spelled out and abbreviated; nothing for a group of no
/// particular kind, whose word ("other") would only match by accident.
fn kind_words(kind: GroupKind) -> Option<&'static str> {
    match kind {
        GroupKind::WorkingGroup => Some("working group (WG)"),
        GroupKind::Sig => Some("special interest group (SIG)"),
        GroupKind::Tag => Some("technical advisory group (TAG)"),
        GroupKind::Committee => Some("committee"),
        GroupKind::UserGroup => Some("user group (UG)"),
        GroupKind::Other => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lead, Project};

    #[test]
    fn weights_follow_how_much_a_match_says() {
        use Field::*;
        let order = [
            Name,
            Project,
            Id,
            Lead,
            Repo,
            Chat,
            Status,
            Mission,
            Goal,
            ProjectDescription,
        ];
        assert!(
            order
                .windows(2)
                .all(|pair| pair[0].weight() > pair[1].weight())
        );
        assert_eq!(Lead.weight(), Github.weight());
        assert_eq!(Status.weight(), Kind.weight());
        assert_eq!(Status.weight(), Community.weight());
        // Prose weighs less than half of any short field (see `weight`).
        assert!(2 * Mission.weight() < Chat.weight());
    }

    #[test]
    fn texts_come_heaviest_first_and_skip_empty_ones() {
        let group = Group {
            id: "cf-fi".into(),
            name: "Foundational Infrastructure".into(),
            mission: Some("Provides infrastructure automation.".into()),
            leads: vec![Lead {
                name: "Ruben Koster".into(),
                github: Some("rkoster".into()),
                ..Lead::default()
            }],
            projects: vec![Project {
                name: "UAA".into(),
                aliases: vec!["Identity and Auth".into()],
                description: Some(String::new()),
                repos: vec!["cloudfoundry/uaa".into()],
                ..Project::default()
            }],
            ..Group::default()
        };
        let texts = group_texts(&group, Some("Cloud Foundry"));
        let order: Vec<Field> = texts.iter().map(|(field, _)| *field).collect();
        assert_eq!(
            order,
            [
                Field::Name,
                Field::Project,
                Field::Project,
                Field::Id,
                Field::Lead,
                Field::Github,
                Field::Repo,
                Field::Status,
                Field::Kind,
                Field::Community,
                Field::Mission
            ]
        );
        assert_eq!(texts[2].1, "Identity and Auth");
        let labels: Vec<&str> = texts[7..10].iter().map(|(_, t)| &**t).collect();
        assert_eq!(labels, ["active", "working group (WG)", "Cloud Foundry"]);
    }

    #[test]
    fn owners_folders_are_searched_as_repos_but_whole_repos_only_once() {
        let group = Group {
            name: "SIG Node".into(),
            projects: vec![Project {
                name: "kubelet".into(),
                repos: vec!["kubernetes/node-problem-detector".into()],
                owners: vec![
                    "https://raw.githubusercontent.com/kubernetes/node-problem-detector/master/OWNERS".into(),
                    "https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS".into(),
                ],
                ..Project::default()
            }],
            ..Group::default()
        };
        let repos: Vec<String> = group_texts(&group, None)
            .into_iter()
            .filter(|(field, _)| *field == Field::Repo)
            .map(|(_, text)| text.into_owned())
            .collect();
        assert_eq!(
            repos,
            [
                "kubernetes/node-problem-detector",
                "kubernetes/kubernetes/pkg/kubelet"
            ]
        );
    }
}
