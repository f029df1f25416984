//! Keys typed before the search is ready.
//!
//! The browser draws its first frame while the search is prepared on another thread (at
//! 10,000 groups that preparation is most of a start). Moving about, opening a link or
//! quitting needs no search and happens at once; the first key that would search, and every
//! event after it, waits here and is replayed in order once the search lands. Events are kept
//! as they came, not as actions, because what a key means depends on the mode the keys
//! before it leave (after a held `/`, `q` is typed, not quit). Ctrl-C quits at once whatever
//! waits, as it does in every mode.

use ratatui::crossterm::event::{Event, KeyEventKind};

use super::action::Action;
use super::app::App;
use super::keymap::{self, Input, Mode};

#[derive(Debug, Default)]
pub struct Held {
    events: Vec<Event>,
}

impl Held {
    /// The event back when it is to be handled now, or None when it waits.
    pub fn offer(&mut self, app: &App, event: Event) -> Option<Event> {
        if !app.is_preparing() || !self.holds(app, &event) {
            return Some(event);
        }
        self.events.push(event);
        None
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Everything that waited, in order, once the search is ready (nothing before).
    pub fn release(&mut self, app: &App) -> Vec<Event> {
        if app.is_preparing() {
            return Vec::new();
        }
        std::mem::take(&mut self.events)
    }

    fn holds(&self, app: &App, event: &Event) -> bool {
        let key = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => *key,
            // A resize is about the screen, which is drawn before the search is ready.
            Event::Resize(..) => return false,
            _ => return !self.events.is_empty(),
        };
        let input = Input::Key(key);
        // What quits while a search is typed quits in every mode: Ctrl-C.
        if keymap::action_for(Mode::Search, &input) == Some(Action::Quit) {
            return false;
        }
        if !self.events.is_empty() {
            return true;
        }
        keymap::action_for(app.mode(), &input).is_some_and(|action| searches(&action))
    }
}

/// The actions that read the search: typing into it and the views ranked by it. Anything
/// else that filters lists every group while the query is empty, which needs no search.
fn searches(action: &Action) -> bool {
    matches!(
        action,
        Action::Type(_)
            | Action::Backspace
            | Action::ClearLine
            | Action::ToggleProjects
            | Action::ToggleUpcoming
    )
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::state::State;
    use crate::tui::prepared::Prepared;
    use crate::tui::testing;
    use crate::tui::update::update;

    fn preparing() -> App {
        let ready = testing::app();
        App::preparing(
            Arc::clone(&ready.data.registry),
            State::default(),
            ready.now,
            ready.tz.clone(),
        )
    }

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn ctrl(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    /// Offers an event and, when it comes back, handles it as the driver does.
    fn offer(held: &mut Held, app: &mut App, event: Event) -> bool {
        match held.offer(app, event) {
            Some(Event::Key(k)) => {
                if let Some(action) = keymap::action_for(app.mode(), &Input::Key(k)) {
                    update(app, action);
                }
                true
            }
            Some(_) => true,
            None => false,
        }
    }

    #[test]
    fn moving_happens_at_once_and_typing_waits_with_everything_after_it() {
        let mut app = preparing();
        let mut held = Held::default();
        assert!(offer(&mut held, &mut app, key('j')));
        assert_eq!(app.browse.selected, 1);
        // `/` needs no search; what is typed after it does.
        assert!(offer(&mut held, &mut app, key('/')));
        assert_eq!(app.mode(), Mode::Search);
        assert!(!offer(&mut held, &mut app, key('q')));
        assert!(!offer(&mut held, &mut app, key('a')));
        // Held behind the typing, though a resize goes through.
        assert!(!offer(&mut held, &mut app, ctrl('u')));
        assert!(offer(&mut held, &mut app, Event::Resize(80, 24)));
        assert!(!app.quit);
        assert!(held.release(&app).is_empty(), "nothing is released early");
        let prepared = Prepared::new(&app.data.registry);
        update(&mut app, Action::Prepared(Arc::new(prepared)));
        assert!(!app.is_preparing());
        let released = held.release(&app);
        assert_eq!(released, vec![key('q'), key('a'), ctrl('u')]);
        assert!(held.release(&app).is_empty());
    }

    #[test]
    fn ctrl_c_quits_whatever_waits_and_q_quits_when_nothing_does() {
        let mut app = preparing();
        let mut held = Held::default();
        assert!(
            !offer(&mut held, &mut app, key('p')),
            "the Projects view searches"
        );
        assert!(offer(&mut held, &mut app, ctrl('c')));
        assert!(app.quit);
        let mut app = preparing();
        let mut held = Held::default();
        assert!(offer(&mut held, &mut app, key('q')));
        assert!(app.quit);
    }

    #[test]
    fn a_ready_search_holds_nothing() {
        let mut app = testing::app();
        let mut held = Held::default();
        assert!(offer(&mut held, &mut app, key('/')));
        assert!(offer(&mut held, &mut app, key('u')));
        assert_eq!(app.filters.text, "u");
    }
}
