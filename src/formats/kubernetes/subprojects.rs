//! Subprojects: the code a group owns, named by OWNERS files, with their own leads,
//! channels and meetings.

use super::Conversion;
use super::meetings::Owner;
use crate::model::{Group, Project};
use crate::owner::RepoPath;
use crate::yaml::node::{Node, Pos, Value};

const SUBPROJECT: &[&str] = &[
    "name",
    "description",
    "contact",
    "owners",
    "leads",
    "meetings",
];

impl Conversion<'_> {
    /// Adds the group's subprojects as projects; their leads, channels and lists go to the
    /// group and their meetings to the group's meetings, marked with the project. Relative
    /// links in them are relative to the group's folder, where its README lists them.
    pub(super) fn subprojects(
        &mut self,
        node: &Node,
        base: Option<&str>,
        group: &mut Group,
        written: &mut Vec<Pos>,
    ) {
        for item in self.reader.list(node, "subprojects") {
            if !matches!(item.value, Value::Map(_)) {
                let found = item.describe();
                self.reader.warn(
                    item.pos,
                    format!("a subproject should be a mapping, found {found}; ignored"),
                );
                continue;
            }
            self.reader.keys(item, "a subproject", SUBPROJECT);
            let Some(name) = self.reader.text(item, "name") else {
                self.reader
                    .warn(item.pos, "a subproject without a `name`; ignored");
                continue;
            };
            let project = self.project(item, name);
            let role = format!("{} subproject lead", project.name);
            for lead in self.reader.list(item, "leads") {
                self.person(lead, "leads", &role, &mut group.leads);
            }
            self.contact(item, group);
            let owner = Owner {
                name: &project.name,
                project: Some(&project.name),
                base,
            };
            self.meetings(item, &owner, &mut group.meetings, written);
            group.projects.push(project);
        }
    }

    fn project(&mut self, node: &Node, name: String) -> Project {
        let mut owners = Vec::new();
        let mut roots: Vec<String> = Vec::new();
        for item in self.reader.list(node, "owners") {
            let Some(url) = self.reader.url_of(item, "owners", None) else {
                continue;
            };
            // An OWNERS file at a repository's root makes the repository the project's; one
            // in a folder (kubernetes/kubernetes/pkg/kubelet) gives it only that folder.
            match RepoPath::of_owners_file(&url) {
                Some(RepoPath { repo, path: None }) => {
                    if !roots.contains(&repo) {
                        roots.push(repo);
                    }
                }
                Some(_) => {}
                None => self.reader.warn(
                    item.pos,
                    format!(
                        "{url} is not a link to an OWNERS file on GitHub; townhall can't tell which code it covers"
                    ),
                ),
            }
            owners.push(url);
        }
        let url = main_repo(&name, &roots).map(|r| format!("https://github.com/{r}"));
        roots.sort();
        Project {
            description: self.reader.text(node, "description"),
            url,
            repos: roots,
            owners,
            name,
            ..Project::default()
        }
    }
}

/// The repository the project is named after (`kubectl` → kubernetes/kubectl), else the
/// first whose root it owns. The generator sorts OWNERS links alphabetically, so without
/// the name `component-base` would point at kubernetes-sigs/legacyflag.
fn main_repo<'r>(name: &str, roots: &'r [String]) -> Option<&'r String> {
    roots
        .iter()
        .find(|r| {
            r.rsplit('/')
                .next()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .or_else(|| roots.first())
}
