//! Everything a person can ask of the TUI, whatever key, click or wheel asked for it.

/// The pane a key acts on. In a narrow terminal it is also the only pane drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Detail,
    Meetings,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Detail,
            Pane::Detail => Pane::Meetings,
            Pane::Meetings => Pane::List,
        }
    }

    pub fn previous(self) -> Pane {
        self.next().next()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Start typing a search (`/`).
    StartSearch,
    /// A character typed into the search.
    Type(char),
    Backspace,
    /// Clear the whole search line (Ctrl-U) without leaving it.
    ClearLine,
    /// Leave the search keeping the filter, best hit selected (Enter).
    AcceptSearch,
    /// Leave the search and drop the filter (Esc).
    CancelSearch,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PreviousPane,
    /// Enter in the list: show the group (narrow), or jump from a project to its group.
    Select,
    /// Esc outside the search: close what is open, then clear the filter, then leave a view.
    Back,
    ToggleHelp,
    /// The warnings about the loaded files (`!`), which never go over the screen.
    ToggleWarnings,
    ToggleProjects,
    /// The Upcoming view: every meeting of the next 7 days, in time order.
    ToggleUpcoming,
    /// In the Upcoming view, only meetings that start within the viewer's working hours.
    ToggleWorkingHours,
    /// Write the selected group's meetings to an .ics file in the data folder.
    Export,
    ToggleFavoritesOnly,
    /// Show one community's groups, the next one each time, then every community again.
    NextCommunity,
    ToggleFavorite,
    OpenLinkPicker,
    /// A digit in the link picker.
    OpenNumbered(usize),
    Join,
    OpenChat,
    OpenMailingList,
    CopyLink,
    /// Jump to the successor of a renamed or dissolved group.
    GoToSuccessor,
    /// A click on a list row (index into the visible rows).
    Click(usize),
    ScrollUp,
    ScrollDown,
    /// The terminal was resized; the list shows this many rows.
    Resize {
        list_rows: u16,
    },
    /// Time passed (live mode): countdowns move on.
    Tick(jiff::Timestamp),
    /// The driver performed an effect; this is how it went.
    Done(super::effect::Outcome),
    /// Sync the sources in the background (`R`).
    Sync,
    /// The browser's own check at start found the data older than `sync.max_age`.
    AutoSync,
    /// A background sync finished `done` of `total` sources.
    SyncProgress {
        done: usize,
        total: usize,
    },
    /// A background sync finished, with the registry loaded again.
    SyncLanded(Box<super::syncing::Landed>),
    /// The search, prepared on another thread while the first frames were drawn.
    Prepared(std::sync::Arc<super::prepared::Prepared>),
}
