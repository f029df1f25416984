//! The interactive browser: a thin driver around `update` and `view`.
//!
//! keys → Action → update(&mut App) → Option<Effect> → view(&App). The driver owns the
//! terminal (raw mode, alternate screen, mouse capture) and gives it back on every exit path:
//! quit, Ctrl-C (a key in raw mode), SIGTERM, SIGHUP and SIGINT (`signals`) and panic.
//!
//! The driver writes to the terminal directly (ratatui and crossterm send their own escape
//! sequences); outside text reaches it only through the views, which escape it.
#![allow(clippy::disallowed_methods)]

pub mod action;
pub mod app;
pub mod background;
pub mod effect;
mod hangup;
pub mod held;
pub mod keymap;
pub mod layout;
pub mod prepared;
pub mod refresh;
pub mod rows;
mod signals;
pub mod syncing;
#[cfg(test)]
mod testing;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::config::Config;
use crate::model::Registry;
use crate::state::State;
use action::Action;
use app::App;
use held::Held;
use keymap::Input;
use prepared::Prepared;
use theme::Theme;

pub struct Options {
    pub mouse: bool,
    pub data_dir: PathBuf,
    /// A fixed "now" (`--now`); None follows the clock.
    pub now: Option<Timestamp>,
    pub tz: TimeZone,
    pub config: Config,
    /// A problem with the config file, shown in the status line at start.
    pub config_warning: Option<String>,
    /// `--community`: the community shown at start.
    pub community: Option<String>,
    /// How to sync from the browser (`R`, and by itself when the data is old).
    pub background: background::Background,
    /// Colours (`--color`, `NO_COLOR`); without them only bold, underline and reverse.
    pub color: bool,
    /// `--no-builtin`: no data age in the header and no sync (see `App::only_named`).
    pub only_named: bool,
    /// The community calendars attached to the registry.
    pub calendars: crate::agenda::Calendars,
    /// What loading warned about, one line each, for the `!` view.
    pub warnings: Vec<String>,
}

/// The terminal's width in columns, for the CLI's tables (the terminal library lives here).
pub fn columns() -> Option<usize> {
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

pub fn run(registry: Registry, mut options: Options) -> io::Result<()> {
    let (state, warning) = State::load(&options.data_dir);
    let registry = Arc::new(registry);
    let preparing = prepare_beside(Arc::clone(&registry));
    let mut app = App::preparing(
        registry,
        state,
        options.now.unwrap_or_else(Timestamp::now),
        options.tz.clone(),
    );
    app.data.calendars = std::mem::take(&mut options.calendars);
    app.data.warnings = std::mem::take(&mut options.warnings);
    app.data.hours = options.config.working_hours;
    app.status = warning.or_else(|| options.config_warning.clone());
    if options.community.is_some() {
        app.show_community(options.community.clone());
    }
    app.offline = options.background.offline;
    app.only_named = options.only_named;
    // The data's age is the synced sources'; with only the named files it has none to tell.
    let freshness = (!app.only_named).then(|| options.background.freshness());
    app.freshness = freshness;
    let theme = Theme::for_background(options.color, Theme::background(options.config.theme));
    let signals = signals::Signals::catch()?;
    let mut terminal = ratatui::try_init()?;
    let mouse = options.mouse && execute!(io::stdout(), EnableMouseCapture).is_ok();
    if mouse {
        release_mouse_on_panic();
    }
    let (actions, landed) = channel();
    let driver = Driver {
        options: &options,
        actions,
    };
    if freshness.is_some_and(|f| f.is_older_than(app.now, options.config.sync.max_age)) {
        driver.dispatch(&mut app, Action::AutoSync);
    }
    let mut search = Search {
        preparing,
        held: Held::default(),
    };
    let result = event_loop(
        &mut terminal,
        &mut app,
        &theme,
        &driver,
        &landed,
        &signals,
        &mut search,
    );
    // ratatui's terminal shows the cursor when dropped and prints a failure with `eprintln!`,
    // which panics when the terminal has hung up; one whose cursor can't be shown is let go
    // undropped (it holds nothing the exit doesn't free).
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    // Not `ratatui::restore`, which prints its failure with `eprintln!`: on a terminal that
    // has hung up that panics, and the panic hook's own restore then aborts before the state
    // is saved. A terminal that can't be restored is said once, through the escaping writer.
    if let Err(e) = ratatui::try_restore() {
        crate::errln!("townhall: restoring the terminal: {e}");
    }
    app.state.last_selected = app.selected_group().map(|g| g.id.clone());
    app.state.save(&options.data_dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("saving {}: {e}", options.data_dir.display()),
        )
    })?;
    result
}

/// ratatui's own hook restores raw mode and the screen; mouse capture is ours to undo.
fn release_mouse_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Starts preparing the search on a thread of its own, so the first frame needn't wait for
/// it; None if no thread can be started (the browser then prepares it before its first
/// frame, as it did before).
fn prepare_beside(registry: Arc<Registry>) -> Option<Receiver<Prepared>> {
    let (send, receive) = channel();
    std::thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            let _ = send.send(Prepared::new(&registry));
        })
        .ok()
        .map(|_| receive)
}

/// The search being prepared beside the first frames, and the keys waiting for it.
struct Search {
    preparing: Option<Receiver<Prepared>>,
    held: Held,
}

impl Search {
    /// Whether there is anything for `land` to do; once the search is in and the held keys
    /// replayed there never is again.
    fn pending(&self, app: &App) -> bool {
        app.is_preparing() || self.preparing.is_some() || !self.held.is_empty()
    }

    /// Hands a finished search to the browser, then replays the keys that waited for it, and
    /// says whether anything changed. With no thread (none could start, or it ended without a
    /// search because it panicked) the browser prepares the search itself; once it has one, a
    /// thread still at work is left to finish unheard.
    fn land(&mut self, app: &mut App, driver: &Driver, size: Rect) -> bool {
        let mut changed = false;
        if app.is_preparing() {
            let prepared = match self.preparing.as_ref().map(Receiver::try_recv) {
                Some(Ok(prepared)) => prepared,
                Some(Err(TryRecvError::Empty)) => return false,
                Some(Err(TryRecvError::Disconnected)) | None => Prepared::new(&app.data.registry),
            };
            driver.dispatch(app, Action::Prepared(Arc::new(prepared)));
            changed = true;
        }
        self.preparing = None;
        for event in self.held.release(app) {
            if let Some(action) = to_action(app, event, size) {
                driver.dispatch(app, action);
            }
            changed = true;
        }
        changed
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    driver: &Driver,
    landed: &Receiver<Action>,
    signals: &signals::Signals,
    search: &mut Search,
) -> io::Result<()> {
    let options = driver.options;
    let input = hangup::TerminalInput::open();
    let input = input.as_ref();
    let size = terminal.size()?;
    driver.dispatch(app, resize(app, Rect::new(0, 0, size.width, size.height)));
    // Drawing writes to the terminal even when nothing changed, so a wake that changed
    // nothing (while the search is prepared, every few milliseconds) draws nothing.
    let mut changed = true;
    loop {
        while let Ok(action) = landed.try_recv() {
            driver.dispatch(app, action);
            changed = true;
        }
        // Before anything asks the terminal: it may be gone, which is one reason to leave.
        if app.quit {
            return Ok(());
        }
        if search.pending(app) {
            let size = terminal.size()?;
            changed |= search.land(app, driver, Rect::new(0, 0, size.width, size.height));
            if app.quit {
                return Ok(());
            }
        }
        if std::mem::take(&mut changed) {
            terminal.draw(|frame| view::draw(frame, app, theme))?;
        }
        // Wake once a second so countdowns move on while nothing happens, often while a
        // sync runs so its progress shows, and very often until the search is ready.
        let wait = if app.is_preparing() {
            Duration::from_millis(5)
        } else if app.syncing.is_some() {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(1)
        };
        let action = match wait_for_event(wait, signals, input)? {
            Wake::Event => {
                let size = terminal.size()?;
                // A held event changes nothing until it is replayed.
                let event = search.held.offer(app, event::read()?);
                changed |= event.is_some();
                event.and_then(|event| {
                    to_action(app, event, Rect::new(0, 0, size.width, size.height))
                })
            }
            Wake::Leave => Some(Action::Quit),
            // The quick wakes until the search is ready are for it alone, not the clock.
            Wake::Timeout => (options.now.is_none() && !app.is_preparing())
                .then(|| Action::Tick(Timestamp::now())),
        };
        if let Some(action) = action {
            driver.dispatch(app, action);
            changed = true;
        }
    }
}

/// What ended a wait for input.
enum Wake {
    Event,
    Timeout,
    /// A signal came or the terminal went away: time to leave as `q` does.
    Leave,
}

/// Waits for an event for at most `timeout`, in short slices so a signal is seen soon (crossterm
/// resumes an interrupted poll rather than returning). With a terminal to watch, the sleeping
/// is done by `poll(2)` on it and crossterm is only asked for what is ready, never while the
/// terminal has hung up (see `hangup`).
fn wait_for_event(
    timeout: Duration,
    signals: &signals::Signals,
    input: Option<&hangup::TerminalInput>,
) -> io::Result<Wake> {
    const SLICE: Duration = Duration::from_millis(50);
    let deadline = Instant::now() + timeout;
    loop {
        if signals.caught() || input.is_some_and(hangup::TerminalInput::hung_up) {
            return Ok(Wake::Leave);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let slice = left.min(SLICE);
        let ready = match input {
            Some(input) => {
                event::poll(Duration::ZERO)? || {
                    input.wait(slice);
                    false
                }
            }
            None => event::poll(slice)?,
        };
        if ready {
            return Ok(Wake::Event);
        }
        if left.is_zero() {
            return Ok(Wake::Timeout);
        }
    }
}

/// Performs what `update` asks for; a sync goes to a background thread whose progress and
/// end come back through `actions` (the event loop reads them between keystrokes).
struct Driver<'o> {
    options: &'o Options,
    actions: Sender<Action>,
}

impl Driver<'_> {
    /// Runs an action through `update`, performs what it asks for, and feeds the outcome back.
    fn dispatch(&self, app: &mut App, action: Action) {
        let mut next = Some(action);
        while let Some(action) = next.take() {
            match update::update(app, action) {
                Some(effect::Effect::Sync) => {
                    let now = self.options.now.unwrap_or_else(Timestamp::now);
                    self.options.background.start(now, self.actions.clone());
                }
                Some(effect) => {
                    let outcome =
                        effect::perform(effect, &self.options.data_dir, &mut io::stdout());
                    let _ = io::stdout().flush();
                    next = Some(Action::Done(outcome));
                }
                None => {}
            }
        }
    }
}

fn resize(app: &App, size: Rect) -> Action {
    let rows = layout::areas(size, app.browse.focus).map_or(0, |a| a.list_rows());
    Action::Resize { list_rows: rows }
}

/// Terminal events as the key table's inputs (a click hit-tested to its list row), then
/// the table's action for them.
fn to_action(app: &App, event: Event, size: Rect) -> Option<Action> {
    let input = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Input::Key(key),
        Event::Resize(w, h) => return Some(resize(app, Rect::new(0, 0, w, h))),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollUp => Input::WheelUp,
            MouseEventKind::ScrollDown => Input::WheelDown,
            MouseEventKind::Down(MouseButton::Left) => {
                let row = layout::areas(size, app.browse.focus).and_then(|areas| {
                    let offset = layout::list_offset(app.browse.selected, areas.list_rows());
                    layout::list_row_at(&areas, m.column, m.row, offset)
                });
                Input::Click { row }
            }
            _ => return None,
        },
        _ => return None,
    };
    keymap::action_for(app.mode(), &input)
}
