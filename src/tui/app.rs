//! The TUI's whole state. `update` changes it; views only read it.

use std::sync::Arc;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::config::WorkingHours;
use crate::links::NamedLink;
use crate::model::{Group, Registry};
use crate::search::Query;
use crate::state::State;

use super::action::Pane;
use super::keymap::Mode;
use super::prepared::Prepared;
use super::rows::{self, Row};
use super::syncing::Syncing;
use crate::sources::freshness::Freshness;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Groups,
    Projects,
    Upcoming,
}

/// The link overlay: a group's links, narrowed by what is typed (fzf syntax, as the search
/// line), because groups have far more links than the nine digits can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub links: Vec<NamedLink>,
    pub filter: String,
    /// The links the filter keeps, best first (all, in the detail pane's order, when it is
    /// empty). A digit opens the entry at that place, so 1–9 keep their detail-pane numbers
    /// until something is typed.
    pub shown: Vec<Shown>,
    /// A place in `shown`.
    pub selected: usize,
}

/// A link the filter kept, with the chars of its label to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub link: usize,
    pub label_matches: Vec<usize>,
}

impl Picker {
    pub fn new(links: Vec<NamedLink>) -> Picker {
        let mut picker = Picker {
            links,
            filter: String::new(),
            shown: Vec::new(),
            selected: 0,
        };
        picker.narrow();
        picker
    }

    /// Matches the filter against each link's label and URL, as one text; the best first,
    /// ties in the detail pane's order. The selection goes back to the top, where the best
    /// match is.
    pub fn narrow(&mut self) {
        let query = Query::parse(&self.filter);
        let mut kept: Vec<(i64, Shown)> = self
            .links
            .iter()
            .enumerate()
            .filter_map(|(i, link)| {
                if query.is_empty() {
                    return Some((
                        0,
                        Shown {
                            link: i,
                            label_matches: Vec::new(),
                        },
                    ));
                }
                let label_len = link.label.chars().count();
                let found = query.match_text(&format!("{} {}", link.label, link.url))?;
                let label_matches = found
                    .positions
                    .into_iter()
                    .filter(|&p| p < label_len)
                    .collect();
                Some((
                    found.score,
                    Shown {
                        link: i,
                        label_matches,
                    },
                ))
            })
            .collect();
        kept.sort_by_key(|(score, shown)| (std::cmp::Reverse(*score), shown.link));
        self.shown = kept.into_iter().map(|(_, shown)| shown).collect();
        self.selected = 0;
    }

    /// The link at a place in the list (0-based), if that many are shown.
    pub fn at(&self, place: usize) -> Option<&NamedLink> {
        self.shown.get(place).map(|s| &self.links[s.link])
    }
}

/// What is drawn over the panes; at most one thing is, and it takes the keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    Help {
        scroll: u16,
    },
    Picker(Picker),
    /// The loading warnings, from the `scroll`th on.
    Warnings {
        scroll: usize,
    },
}

/// What was loaded, and what is prepared from it once.
pub struct Data {
    /// Shared with the thread that prepares its search at start.
    pub registry: Arc<Registry>,
    /// Community calendars: the times of the meetings they hold.
    pub calendars: crate::agenda::Calendars,
    /// None while the browser's first frames are drawn and the search is prepared beside
    /// them (see `tui::held`); anything that needs it before it lands prepares it at once.
    pub prepared: Option<Arc<Prepared>>,
    pub hours: WorkingHours,
    /// What loading warned about, one line each (`!` shows them; never printed over the
    /// screen).
    pub warnings: Vec<String>,
}

/// Which rows are listed: the view and everything that narrows it.
#[derive(Debug, Clone)]
pub struct Filters {
    pub view: View,
    pub favorites_only: bool,
    /// Only this community's groups (`c`, or `--community` at start).
    pub community: Option<String>,
    /// Upcoming view: only meetings within the working hours.
    pub within_hours: bool,
    /// The search text in force (while a search is typed, the typed line).
    pub text: String,
    /// `text` parsed; recomputed once per keystroke, never per frame.
    pub query: Query,
}

/// Where the person is in the list and the panes.
#[derive(Debug, Clone, Default)]
pub struct Browse {
    pub rows: Vec<Row>,
    pub selected: usize,
    pub focus: Pane,
    /// How many rows the list pane shows (paging moves by this).
    pub list_rows: u16,
    /// Scroll offsets of the detail and meetings panes, reset when the selection changes.
    pub detail_scroll: u16,
    pub meetings_scroll: u16,
}

pub struct App {
    pub data: Data,
    pub filters: Filters,
    pub browse: Browse,
    /// The search line while one is typed (`/`), else None.
    pub search: Option<String>,
    pub overlay: Overlay,
    pub status: Option<String>,
    /// The link most recently opened or refused, so `y` can copy what the status line shows.
    pub last_link: Option<String>,
    pub state: State,
    pub now: Timestamp,
    pub tz: TimeZone,
    pub quit: bool,
    /// How old the data is, for the header; None when the driver doesn't know (tests).
    pub freshness: Option<Freshness>,
    /// A background sync in progress (see `tui::refresh`).
    pub syncing: Option<Syncing>,
    /// `--offline` or `TOWNHALL_OFFLINE`: the browser never starts a sync.
    pub offline: bool,
    /// `--no-builtin`: only the files named are loaded, so the data has no sync age and a
    /// sync would fetch what the browser doesn't show.
    pub only_named: bool,
}

impl App {
    /// A browser whose search is ready, prepared before this returns.
    pub fn new(registry: Registry, state: State, now: Timestamp, tz: TimeZone) -> App {
        let registry = Arc::new(registry);
        let prepared = Prepared::new(&registry);
        App::with(registry, Some(Arc::new(prepared)), state, now, tz)
    }

    /// A browser that can draw before its search is ready: the driver prepares it on another
    /// thread and hands it over with `Action::Prepared`.
    pub fn preparing(registry: Arc<Registry>, state: State, now: Timestamp, tz: TimeZone) -> App {
        App::with(registry, None, state, now, tz)
    }

    fn with(
        registry: Arc<Registry>,
        prepared: Option<Arc<Prepared>>,
        state: State,
        now: Timestamp,
        tz: TimeZone,
    ) -> App {
        let mut app = App {
            data: Data {
                registry,
                calendars: crate::agenda::Calendars::default(),
                prepared,
                hours: WorkingHours::default(),
                warnings: Vec::new(),
            },
            filters: Filters {
                view: View::Groups,
                favorites_only: false,
                community: None,
                within_hours: false,
                text: String::new(),
                query: Query::parse(""),
            },
            browse: Browse {
                list_rows: 20,
                ..Browse::default()
            },
            search: None,
            overlay: Overlay::None,
            status: None,
            last_link: None,
            state,
            now,
            tz,
            quit: false,
            freshness: None,
            syncing: None,
            offline: false,
            only_named: false,
        };
        app.refilter(None);
        if let Some(id) = app.state.last_selected.clone() {
            app.select_group(&id);
        }
        app
    }

    /// Which keys are live now: an overlay's, the search line's, or browsing's.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.search) {
            (Overlay::Help { .. }, _) => Mode::Help,
            (Overlay::Picker(_), _) => Mode::Picker,
            (Overlay::Warnings { .. }, _) => Mode::Warnings,
            (Overlay::None, Some(_)) => Mode::Search,
            (Overlay::None, None) => Mode::Browse,
        }
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.browse.rows.get(self.browse.selected)
    }

    pub fn selected_group(&self) -> Option<&Group> {
        self.selected_row()
            .map(|r| &self.data.registry.groups[r.group])
    }

    /// Rebuilds the rows for the current view, query and favorites filter. `previous` is the
    /// query the current rows were built from: when the new one only narrows it, only those
    /// rows' groups are searched again.
    pub fn refilter(&mut self, previous: Option<&Query>) {
        // Every group in registry order needs no search; anything else prepares it now if
        // the background hasn't handed it over yet.
        let every_group = self.filters.view == View::Groups && self.filters.query.is_empty();
        let prepared = match &self.data.prepared {
            Some(p) => Some(Arc::clone(p)),
            None if every_group => None,
            None => {
                let p = Arc::new(Prepared::new(&self.data.registry));
                self.data.prepared = Some(Arc::clone(&p));
                Some(p)
            }
        };
        let (data, f) = (&self.data, &self.filters);
        let narrowing = previous.is_some_and(|p| f.query.narrows(p)) && f.view == View::Groups;
        let candidates: Option<Vec<usize>> =
            narrowing.then(|| self.browse.rows.iter().map(|r| r.group).collect());
        let favorite = |g: &Group| self.state.is_favorite(&g.id);
        let mut rows = match prepared.as_deref() {
            None => rows::every_group(data.registry.groups.len()),
            Some(p) => match f.view {
                View::Groups => rows::groups(&p.index, &f.query, candidates.as_deref()),
                View::Projects => rows::projects(&p.project_texts, &f.query),
                View::Upcoming => {
                    let hours = f.within_hours.then_some(data.hours);
                    rows::upcoming(
                        &data.registry,
                        &data.calendars,
                        &p.index,
                        &f.query,
                        self.now,
                        &self.tz,
                        hours,
                    )
                }
            },
        };
        if f.favorites_only {
            rows.retain(|r| favorite(&data.registry.groups[r.group]));
        }
        if let Some(c) = &f.community {
            rows.retain(|r| data.registry.groups[r.group].community == *c);
        }
        self.browse.rows = rows;
        self.browse.selected = 0;
        self.reset_scroll();
    }

    pub fn select_group(&mut self, id: &str) -> bool {
        match self
            .browse
            .rows
            .iter()
            .position(|r| self.data.registry.groups[r.group].id == id)
        {
            Some(i) => {
                self.browse.selected = i;
                self.reset_scroll();
                true
            }
            None => false,
        }
    }

    /// Takes the search prepared at start. Only the registry loaded at start is ever without
    /// one (a sync's registry comes with its search), so one arriving after the search was
    /// needed and prepared at once, or after a sync, is dropped. The rows stay: without a
    /// search they are every group in registry order, which is what the search lists for no
    /// query.
    pub fn install(&mut self, prepared: Arc<Prepared>) {
        if self.data.prepared.is_none() {
            self.data.prepared = Some(prepared);
        }
    }

    /// Whether the search is still being prepared (the header says so, and keys that need
    /// it wait).
    pub fn is_preparing(&self) -> bool {
        self.data.prepared.is_none()
    }

    /// Puts a newly loaded registry in place (after a sync), keeping the view, the filter,
    /// the community shown and the selected group when they still exist.
    pub fn replace_registry(&mut self, registry: Registry, calendars: crate::agenda::Calendars) {
        let selected = self.selected_group().map(|g| g.id.clone());
        self.data.calendars = calendars;
        let registry = Arc::new(registry);
        self.data.prepared = Some(Arc::new(Prepared::new(&registry)));
        self.data.registry = registry;
        if let Some(c) = &self.filters.community
            && self.data.registry.community(c).is_none()
        {
            self.filters.community = None;
        }
        // A picker's links belong to the group as it was.
        if let Overlay::Picker(_) = self.overlay {
            self.overlay = Overlay::None;
        }
        self.refilter(None);
        if let Some(id) = selected {
            self.select_group(&id);
        }
    }

    /// Shows one community (or all), keeping the selected group when it is still listed.
    pub fn show_community(&mut self, community: Option<String>) {
        let selected = self.selected_group().map(|g| g.id.clone());
        self.filters.community = community;
        self.refilter(None);
        if let Some(id) = selected {
            self.select_group(&id);
        }
    }

    pub fn reset_scroll(&mut self) {
        self.browse.detail_scroll = 0;
        self.browse.meetings_scroll = 0;
    }

    /// "12 / 15 groups": what the header says about the list.
    pub fn count_text(&self) -> String {
        let rows = self.browse.rows.len();
        match self.filters.view {
            View::Groups => {
                let total = match &self.filters.community {
                    Some(c) => self
                        .data
                        .registry
                        .groups
                        .iter()
                        .filter(|g| g.community == *c)
                        .count(),
                    None => self.data.registry.groups.len(),
                };
                format!("{} / {total} groups{}", rows, self.community_suffix())
            }
            View::Projects => format!("{}{}", plural(rows, "project"), self.community_suffix()),
            View::Upcoming => format!(
                "{} in the next {} days{}",
                plural(rows, "meeting"),
                rows::UPCOMING_DAYS,
                self.community_suffix()
            ),
        }
    }

    /// " · Kubernetes" while one community is shown.
    fn community_suffix(&self) -> String {
        self.filters
            .community
            .as_deref()
            .map(|id| {
                let name = self
                    .data
                    .registry
                    .community(id)
                    .map_or(id, |c| c.name.as_str());
                format!(" · {name}")
            })
            .unwrap_or_default()
    }
}

/// "1 project", "2 projects".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::testing;

    fn preparing_beside(ready: &App) -> App {
        App::preparing(
            Arc::clone(&ready.data.registry),
            State::default(),
            ready.now,
            ready.tz.clone(),
        )
    }

    #[test]
    fn before_the_search_is_ready_every_group_is_listed_as_the_search_lists_them() {
        let ready = testing::app();
        let preparing = preparing_beside(&ready);
        assert!(preparing.is_preparing());
        assert_eq!(preparing.browse.rows, ready.browse.rows);
        assert_eq!(preparing.count_text(), ready.count_text());
    }

    #[test]
    fn a_view_that_needs_the_search_before_it_lands_prepares_it_at_once() {
        let ready = testing::app();
        let mut app = preparing_beside(&ready);
        app.filters.view = View::Projects;
        app.refilter(None);
        assert!(!app.is_preparing());
        let mut expected = testing::app();
        expected.filters.view = View::Projects;
        expected.refilter(None);
        assert_eq!(app.browse.rows, expected.browse.rows);
        assert!(!app.browse.rows.is_empty());
        // The one prepared beside it, landing later, is not wanted any more.
        let first = Arc::clone(app.data.prepared.as_ref().unwrap());
        app.install(Arc::new(Prepared::new(&app.data.registry)));
        assert!(Arc::ptr_eq(app.data.prepared.as_ref().unwrap(), &first));
    }

    #[test]
    fn the_search_prepared_at_start_landing_after_a_sync_is_dropped() {
        let ready = testing::app();
        let mut app = preparing_beside(&ready);
        let started = Arc::clone(&app.data.registry);
        // A sync lands first: its registry comes with its own search.
        let mut synced = (*started).clone();
        synced.groups.truncate(3);
        app.replace_registry(synced, crate::agenda::Calendars::default());
        assert_eq!(app.browse.rows.len(), 3);
        let current = Arc::clone(app.data.prepared.as_ref().unwrap());
        // Then the start's, for the registry that is gone.
        app.install(Arc::new(Prepared::new(&started)));
        assert!(Arc::ptr_eq(app.data.prepared.as_ref().unwrap(), &current));
        app.refilter(None);
        assert_eq!(app.browse.rows.len(), 3);
    }
}
