//! The TUI's whole state. `update` changes it; views only read it.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::config::WorkingHours;
use crate::links::NamedLink;
use crate::model::{Group, Registry};
use crate::search::{Query, SearchIndex};
use crate::state::State;

use super::action::Pane;
use super::keymap::Mode;
use super::rows::{self, ProjectTexts, Row};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Groups,
    Projects,
    Upcoming,
}

/// The numbered-link overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub links: Vec<NamedLink>,
    pub selected: usize,
}

pub struct App {
    pub registry: Registry,
    /// Community calendars: the times of the meetings they hold.
    pub calendars: crate::agenda::Calendars,
    pub index: SearchIndex,
    pub project_texts: ProjectTexts,
    pub view: View,
    pub favorites_only: bool,
    /// Only this community's groups (`c`, or `--community` at start).
    pub community: Option<String>,
    /// Upcoming view: only meetings within `hours`.
    pub within_hours: bool,
    pub hours: WorkingHours,
    pub searching: bool,
    /// The search line as typed.
    pub input: String,
    /// `input` parsed, and the rows it selects; recomputed once per keystroke, never per frame.
    pub query: Query,
    pub rows: Vec<Row>,
    pub selected: usize,
    pub focus: Pane,
    /// Scroll offsets of the detail and meetings panes, reset when the selection changes.
    pub detail_scroll: u16,
    pub meetings_scroll: u16,
    pub help: bool,
    pub help_scroll: u16,
    pub picker: Option<Picker>,
    pub status: Option<String>,
    /// The link most recently opened or refused, so `y` can copy what the status line shows.
    pub last_link: Option<String>,
    pub state: State,
    pub list_rows: u16,
    pub now: Timestamp,
    pub tz: TimeZone,
    pub quit: bool,
}

impl App {
    pub fn new(registry: Registry, state: State, now: Timestamp, tz: TimeZone) -> App {
        let index = SearchIndex::new(&registry.groups);
        let project_texts = ProjectTexts::new(&registry.groups);
        let mut app = App {
            registry,
            calendars: crate::agenda::Calendars::default(),
            index,
            project_texts,
            view: View::Groups,
            favorites_only: false,
            community: None,
            within_hours: false,
            hours: WorkingHours::default(),
            searching: false,
            input: String::new(),
            query: Query::parse(""),
            rows: Vec::new(),
            selected: 0,
            focus: Pane::List,
            detail_scroll: 0,
            meetings_scroll: 0,
            help: false,
            help_scroll: 0,
            picker: None,
            status: None,
            last_link: None,
            state,
            list_rows: 20,
            now,
            tz,
            quit: false,
        };
        app.refilter(None);
        if let Some(id) = app.state.last_selected.clone() {
            app.select_group(&id);
        }
        app
    }

    /// Which keys are live now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.picker.is_some() {
            Mode::Picker
        } else if self.searching {
            Mode::Search
        } else {
            Mode::Browse
        }
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    pub fn selected_group(&self) -> Option<&Group> {
        self.selected_row().map(|r| &self.registry.groups[r.group])
    }

    /// Rebuilds the rows for the current view, query and favorites filter. `previous` is the
    /// query the current rows were built from: when the new one only narrows it, only those
    /// rows' groups are searched again.
    pub fn refilter(&mut self, previous: Option<&Query>) {
        let narrowing =
            previous.is_some_and(|p| self.query.narrows(p)) && self.view == View::Groups;
        let candidates: Option<Vec<usize>> =
            narrowing.then(|| self.rows.iter().map(|r| r.group).collect());
        let favorite = |g: &Group| self.state.is_favorite(&g.id);
        let mut rows = match self.view {
            View::Groups => rows::groups(&self.index, &self.query, candidates.as_deref()),
            View::Projects => rows::projects(&self.project_texts, &self.query),
            View::Upcoming => {
                let hours = self.within_hours.then_some(self.hours);
                rows::upcoming(
                    &self.registry,
                    &self.calendars,
                    &self.index,
                    &self.query,
                    self.now,
                    &self.tz,
                    hours,
                )
            }
        };
        if self.favorites_only {
            rows.retain(|r| favorite(&self.registry.groups[r.group]));
        }
        if let Some(c) = &self.community {
            rows.retain(|r| self.registry.groups[r.group].community == *c);
        }
        self.rows = rows;
        self.selected = 0;
        self.reset_scroll();
    }

    pub fn select_group(&mut self, id: &str) -> bool {
        match self
            .rows
            .iter()
            .position(|r| self.registry.groups[r.group].id == id)
        {
            Some(i) => {
                self.selected = i;
                self.reset_scroll();
                true
            }
            None => false,
        }
    }

    /// Shows one community (or all), keeping the selected group when it is still listed.
    pub fn show_community(&mut self, community: Option<String>) {
        let selected = self.selected_group().map(|g| g.id.clone());
        self.community = community;
        self.refilter(None);
        if let Some(id) = selected {
            self.select_group(&id);
        }
    }

    pub fn reset_scroll(&mut self) {
        self.detail_scroll = 0;
        self.meetings_scroll = 0;
    }

    /// "12 / 15 groups": what the header says about the list.
    pub fn count_text(&self) -> String {
        match self.view {
            View::Groups => {
                let total = match &self.community {
                    Some(c) => self
                        .registry
                        .groups
                        .iter()
                        .filter(|g| g.community == *c)
                        .count(),
                    None => self.registry.groups.len(),
                };
                format!(
                    "{} / {total} groups{}",
                    self.rows.len(),
                    self.community_suffix()
                )
            }
            View::Projects => format!(
                "{}{}",
                plural(self.rows.len(), "project"),
                self.community_suffix()
            ),
            View::Upcoming => format!(
                "{} in the next {} days{}",
                plural(self.rows.len(), "meeting"),
                rows::UPCOMING_DAYS,
                self.community_suffix()
            ),
        }
    }

    /// " · Kubernetes" while one community is shown.
    fn community_suffix(&self) -> String {
        self.community
            .as_deref()
            .map(|id| {
                let name = self.registry.community(id).map_or(id, |c| c.name.as_str());
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
