//! The searchable texts of a group, prepared once so a keystroke only scans and scores.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Group;

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
        }
    }

    /// How much a match here says about the group: a name says the most, and long prose the
    /// least, since a few hundred chars of mission contain almost any letters in order. Prose
    /// weighs less than half of any short field, so a run in a short field outranks any match
    /// in prose and a search need not read the prose of such a group at all.
    pub(crate) fn weight(self) -> i64 {
        // Name, Id, Project, ProjectDescription, Repo, Lead, Github, Chat, Mission, Goal.
        const WEIGHTS: [i64; 10] = [100, 80, 90, 24, 60, 70, 70, 50, 20, 22];
        WEIGHTS[self as usize]
    }

    /// Prose: scattered letters count a fraction, and SkimMatcherV2 is not run on it.
    pub(crate) fn is_prose(self) -> bool {
        matches!(
            self,
            Field::ProjectDescription | Field::Goal | Field::Mission
        )
    }
}

fn borrowed(field: Field, text: &str) -> (Field, Cow<'_, str>) {
    (field, Cow::Borrowed(text))
}

/// The searchable strings of `group`, heaviest field first, empty ones left out. A
/// project's OWNERS folders (`kubernetes/kubernetes/pkg/kubelet`) count as repos, so a
/// path finds the group that owns it.
pub(crate) fn group_texts(group: &Group) -> Vec<(Field, Cow<'_, str>)> {
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
    // Stable, so equal weights keep registry order (a lead's name before later leads).
    texts.sort_by_key(|(field, _)| -field.weight());
    texts.retain(|(_, text)| !text.trim().is_empty());
    texts
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
            ProjectDescription,
            Goal,
            Mission,
        ];
        assert!(
            order
                .windows(2)
                .all(|pair| pair[0].weight() > pair[1].weight())
        );
        assert_eq!(Lead.weight(), Github.weight());
        // Prose weighs less than half of any short field (see `weight`).
        assert!(2 * ProjectDescription.weight() < Chat.weight());
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
        let texts = group_texts(&group);
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
                Field::Mission
            ]
        );
        assert_eq!(texts[2].1, "Identity and Auth");
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
        let repos: Vec<String> = group_texts(&group)
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
