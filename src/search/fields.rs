//! The searchable texts of a group, prepared once so a keystroke only scans and scores.

use serde::Serialize;

use super::fold::{fold, fold_non_ascii};
use super::summary::{PairBloom, char_mask};
use crate::registry::Group;

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
        match self {
            Field::Name => 100,
            Field::Project => 90,
            Field::Id => 80,
            Field::Lead | Field::Github => 70,
            Field::Repo => 60,
            Field::Chat => 50,
            Field::ProjectDescription => 24,
            Field::Goal => 22,
            Field::Mission => 20,
        }
    }

    /// Prose: scattered letters count a fraction, and SkimMatcherV2 is not run on it.
    pub(crate) fn is_prose(self) -> bool {
        matches!(
            self,
            Field::ProjectDescription | Field::Goal | Field::Mission
        )
    }
}

/// One searchable string with everything a keystroke needs precomputed.
#[derive(Debug)]
pub(crate) struct FieldText {
    pub field: Field,
    /// As the registry wrote it; hits report it and index it.
    pub original: Box<str>,
    /// Lowercased and accent-stripped, char for char with `original`.
    pub folded: Box<str>,
    /// What SkimMatcherV2 reads for case-insensitive terms: `original` with only its non-ASCII
    /// chars folded. `None` when `original` is ASCII and can be used as it is.
    pub skim: Option<Box<str>>,
    pub chars: usize,
    pub mask: u64,
    pub pairs: PairBloom,
}

impl FieldText {
    pub fn new(field: Field, text: &str) -> FieldText {
        let folded = fold(text);
        FieldText {
            field,
            original: text.into(),
            mask: char_mask(&folded),
            pairs: PairBloom::new(&folded, text.chars().count()),
            folded: folded.into(),
            skim: (!text.is_ascii()).then(|| fold_non_ascii(text).into()),
            chars: text.chars().count(),
        }
    }

    /// Byte offsets are the same in `original` and `folded` (and equal char indices).
    pub fn is_ascii(&self) -> bool {
        self.skim.is_none()
    }

    /// The text case-insensitive fuzzy matching runs on.
    pub fn skim_text(&self) -> &str {
        self.skim.as_deref().unwrap_or(&self.original)
    }
}

/// Every non-empty searchable string of `group`, highest field weight first, so a search can
/// stop looking once no remaining field could beat what it already found.
pub(crate) fn group_fields(group: &Group) -> Vec<FieldText> {
    let mut texts: Vec<(Field, &str)> = vec![(Field::Name, &group.name), (Field::Id, &group.id)];
    for project in &group.projects {
        texts.push((Field::Project, &project.name));
        texts.extend(project.aliases.iter().map(|a| (Field::Project, a.as_str())));
        texts.extend(
            project
                .description
                .as_deref()
                .map(|d| (Field::ProjectDescription, d)),
        );
        texts.extend(project.repos.iter().map(|r| (Field::Repo, r.as_str())));
    }
    for lead in &group.leads {
        texts.push((Field::Lead, &lead.name));
        texts.extend(lead.github.as_deref().map(|g| (Field::Github, g)));
    }
    texts.extend(group.chat.iter().map(|c| (Field::Chat, c.channel.as_str())));
    texts.extend(group.mission.as_deref().map(|m| (Field::Mission, m)));
    texts.extend(group.goals.iter().map(|g| (Field::Goal, g.as_str())));

    // Stable, so equal weights keep registry order (a lead's name before later leads).
    texts.sort_by_key(|(field, _)| -field.weight());
    texts
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(field, text)| FieldText::new(field, text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Lead, Project};

    #[test]
    fn fields_come_heaviest_first_and_skip_empty_text() {
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
        let fields = group_fields(&group);
        let order: Vec<Field> = fields.iter().map(|f| f.field).collect();
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
        assert_eq!(&*fields[2].original, "Identity and Auth");
    }

    #[test]
    fn non_ascii_text_keeps_a_folded_copy_for_the_matcher() {
        let text = FieldText::new(Field::Lead, "José MÜLLER");
        assert_eq!(&*text.folded, "jose muller");
        assert_eq!(text.skim_text(), "Jose MuLLER");
        assert_eq!(text.chars, 11);
        assert!(FieldText::new(Field::Name, "Docs").is_ascii());
    }
}
