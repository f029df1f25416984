//! The search of one registry, prepared once: the browser's first frame comes before it (see
//! `tui::held`), so it travels from the thread that made it to the state as an action.

use crate::model::Registry;
use crate::projects::ProjectTexts;
use crate::search::SearchIndex;

/// The two search indexes of one registry. At 10,000 groups preparing them is most of what
/// a start costs, so the browser draws its first frame without them.
pub struct Prepared {
    pub index: SearchIndex,
    pub project_texts: ProjectTexts,
}

impl Prepared {
    /// Both indexes at once, the projects' on a thread of its own.
    pub fn new(registry: &Registry) -> Prepared {
        let (index, project_texts) = std::thread::scope(|scope| {
            let projects = scope.spawn(|| ProjectTexts::new(&registry.groups));
            let index = SearchIndex::with_communities(&registry.groups, &registry.communities);
            let projects = projects
                .join()
                .expect("preparing the projects' index panicked");
            (index, projects)
        });
        Prepared {
            index,
            project_texts,
        }
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("groups", &self.index.len())
            .finish_non_exhaustive()
    }
}

/// Compared by identity, as the action carrying it is: two are the same only if they are one.
impl PartialEq for Prepared {
    fn eq(&self, other: &Prepared) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Prepared {}
