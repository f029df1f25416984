//! Action in, state changed, maybe an Effect out. No terminal, no clock, no IO here.

use crate::links;
use crate::search::Query;

use super::action::{Action, Pane};
use super::app::{App, Overlay, Picker, View};
use super::effect::{Effect, Outcome};
use super::keymap::{Mode, key};
use super::refresh;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    // A sync lands whatever overlay is open, and never clears what the status line says.
    match action {
        Action::SyncProgress { done, total } => {
            refresh::progress(app, done, total);
            return None;
        }
        Action::SyncLanded(landed) => {
            refresh::landed(app, *landed);
            return None;
        }
        Action::AutoSync => return refresh::start(app, true),
        Action::Prepared(prepared) => {
            app.install(prepared);
            return None;
        }
        _ => {}
    }
    if !matches!(
        action,
        Action::Tick(_) | Action::Resize { .. } | Action::Done(_)
    ) {
        app.status = None;
    }
    match app.mode() {
        Mode::Picker => picker(app, action),
        Mode::Help => {
            help(app, action);
            None
        }
        Mode::Warnings => {
            warnings(app, action);
            None
        }
        Mode::Search | Mode::Browse => browse(app, action),
    }
}

fn warnings(app: &mut App, action: Action) {
    let last = app.data.warnings.len().saturating_sub(1);
    let page = usize::from(app.browse.list_rows.max(1));
    let Overlay::Warnings { scroll } = &mut app.overlay else {
        return;
    };
    match action {
        Action::Up | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown => *scroll = (*scroll + 1).min(last),
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll = scroll.saturating_add(page).min(last),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = last,
        Action::ToggleWarnings => app.overlay = Overlay::None,
        Action::Quit => app.quit = true,
        Action::Done(outcome) => report(app, outcome),
        _ => {}
    }
}

fn help(app: &mut App, action: Action) {
    let Overlay::Help { scroll } = &mut app.overlay else {
        return;
    };
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = (*scroll + 1).min(64),
        Action::ToggleHelp => app.overlay = Overlay::None,
        Action::Quit => app.quit = true,
        Action::Done(outcome) => report(app, outcome),
        _ => {}
    }
}

fn browse(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Quit => app.quit = true,
        Action::ToggleHelp => app.overlay = Overlay::Help { scroll: 0 },
        Action::ToggleWarnings if app.data.warnings.is_empty() => {
            app.status = Some("no warnings about the loaded files".to_string());
        }
        Action::ToggleWarnings => app.overlay = Overlay::Warnings { scroll: 0 },
        Action::StartSearch => {
            app.search = Some(app.filters.text.clone());
            app.browse.focus = Pane::List;
        }
        Action::Type(c) => edit_query(app, |input| input.push(c)),
        Action::Backspace => edit_query(app, |input| {
            input.pop();
        }),
        Action::ClearLine => edit_query(app, String::clear),
        Action::AcceptSearch => {
            app.search = None;
            app.browse.selected = 0;
        }
        Action::CancelSearch => {
            app.search = None;
            clear_filter(app);
        }
        Action::Up => step(app, -1),
        Action::Down => step(app, 1),
        Action::PageUp => step(app, -page(app)),
        Action::PageDown => step(app, page(app)),
        Action::Top => step(app, -(app.browse.rows.len() as i64)),
        Action::Bottom => step(app, app.browse.rows.len() as i64),
        Action::ScrollUp => step(app, -3),
        Action::ScrollDown => step(app, 3),
        Action::NextPane => app.browse.focus = app.browse.focus.next(),
        Action::PreviousPane => app.browse.focus = app.browse.focus.previous(),
        Action::Select => select(app),
        Action::Back => back(app),
        Action::ToggleProjects => toggle_view(app, View::Projects),
        Action::ToggleUpcoming => toggle_view(app, View::Upcoming),
        Action::ToggleWorkingHours if app.filters.view == View::Upcoming => {
            app.filters.within_hours = !app.filters.within_hours;
            app.refilter(None);
            let h = app.data.hours;
            app.status = Some(if app.filters.within_hours {
                format!(
                    "only meetings starting {}–{} your time",
                    h.start.strftime("%H:%M"),
                    h.end.strftime("%H:%M")
                )
            } else {
                "all meetings".into()
            });
        }
        Action::ToggleWorkingHours => {
            app.status = Some(format!(
                "{} filters the Upcoming view ({})",
                key(Action::ToggleWorkingHours),
                key(Action::ToggleUpcoming)
            ))
        }
        Action::Export => return export(app),
        Action::ToggleFavoritesOnly => {
            app.filters.favorites_only = !app.filters.favorites_only;
            app.refilter(None);
        }
        Action::NextCommunity => next_community(app),
        Action::ToggleFavorite => return toggle_favorite(app),
        Action::OpenLinkPicker => open_picker(app),
        Action::Join => return join(app),
        Action::OpenChat => {
            let url = app
                .selected_group()
                .and_then(|g| g.chat.iter().find_map(|c| c.url.clone()));
            return open(app, url, "chat channel");
        }
        Action::OpenMailingList => return open_mailing_list(app),
        Action::CopyLink => {
            let link = app
                .last_link
                .clone()
                .or_else(|| app.selected_row().and_then(|r| join_link(r.group, app)));
            return copy(app, link);
        }
        Action::GoToSuccessor => go_to_successor(app),
        Action::Click(row) if row < app.browse.rows.len() => {
            app.browse.selected = row;
            app.browse.focus = Pane::List;
            app.reset_scroll();
        }
        Action::Resize { list_rows } => app.browse.list_rows = list_rows,
        Action::Tick(now) => tick(app, now),
        Action::Done(outcome) => report(app, outcome),
        Action::Sync => return refresh::start(app, false),
        // Handled before the mode is looked at, in `update`.
        Action::AutoSync
        | Action::SyncProgress { .. }
        | Action::SyncLanded(_)
        | Action::Prepared(_) => {}
        Action::OpenNumbered(_) | Action::Click(_) => {}
    }
    None
}

/// The clock moved on. The Upcoming view's rows change only when a meeting ends or (at a
/// minute boundary) one enters the 7-day window, so only then is it rebuilt, keeping the
/// selected meeting selected.
/// Steps through the loaded communities in load order, then back to all of them, keeping the
/// selected group when it is still shown.
fn next_community(app: &mut App) {
    let communities = &app.data.registry.communities;
    let next = match &app.filters.community {
        None => communities.first(),
        Some(id) => communities.iter().skip_while(|c| c.id != *id).nth(1),
    };
    app.status = Some(match next {
        Some(c) => format!(
            "showing {} only ({}: next community)",
            c.name,
            key(Action::NextCommunity)
        ),
        None => "showing every community".to_string(),
    });
    app.show_community(next.map(|c| c.id.clone()));
}

fn tick(app: &mut App, now: jiff::Timestamp) {
    let minute_changed = app.now.as_second() / 60 != now.as_second() / 60;
    app.now = now;
    let ended = app
        .browse
        .rows
        .iter()
        .any(|r| r.meeting.as_ref().is_some_and(|(_, o)| o.has_ended(now)));
    if app.filters.view != View::Upcoming || !(ended || minute_changed) {
        return;
    }
    let keep = app
        .selected_row()
        .and_then(|r| Some((r.group, r.meeting.as_ref()?.1.start.clone())));
    app.refilter(None);
    let same = |r: &super::rows::Row| {
        keep.as_ref().is_some_and(|(g, start)| {
            r.group == *g && r.meeting.as_ref().is_some_and(|m| m.1.start == *start)
        })
    };
    if let Some(i) = app.browse.rows.iter().position(same) {
        app.browse.selected = i;
    }
}

/// Edits the search line; the filter follows it live. The line is bounded like any query
/// (`search::Query::check`): typing past the limit is refused with a word in the status line
/// rather than a slow search.
fn edit_query(app: &mut App, edit: impl FnOnce(&mut String)) {
    let Some(line) = app.search.as_mut() else {
        return;
    };
    let before = line.clone();
    edit(line);
    if let Err(e) = Query::check(line) {
        *line = before;
        app.status = Some(e.to_string());
        return;
    }
    app.filters.text = line.clone();
    let previous = std::mem::replace(&mut app.filters.query, Query::parse(line));
    app.refilter(Some(&previous));
}

fn toggle_view(app: &mut App, view: View) {
    app.filters.view = if app.filters.view == view {
        View::Groups
    } else {
        view
    };
    app.browse.focus = Pane::List;
    if app.filters.view == View::Groups {
        refilter_keeping_group(app);
    } else {
        app.refilter(None);
    }
    if app.filters.view == View::Upcoming
        && crate::agenda::window_end(app.now, super::rows::UPCOMING_DAYS).is_err()
    {
        let last = crate::agenda::last_moment();
        app.status = Some(format!(
            "listed up to {last}, the last moment townhall can compute"
        ));
    }
}

fn clear_filter(app: &mut App) {
    let keep = app.selected_group().map(|g| g.id.clone());
    app.filters.text.clear();
    app.filters.query = Query::parse("");
    app.refilter(None);
    if let Some(id) = keep {
        app.select_group(&id);
    }
}

fn page(app: &App) -> i64 {
    i64::from(app.browse.list_rows.saturating_sub(1).max(1))
}

/// Moves the selection in the list, or scrolls the focused text pane.
fn step(app: &mut App, by: i64) {
    let scroll =
        |offset: &mut u16| *offset = (i64::from(*offset) + by).clamp(0, i64::from(u16::MAX)) as u16;
    let b = &mut app.browse;
    match b.focus {
        Pane::Detail => scroll(&mut b.detail_scroll),
        Pane::Meetings => scroll(&mut b.meetings_scroll),
        Pane::List => {
            let last = b.rows.len().saturating_sub(1) as i64;
            let next = (b.selected as i64 + by).clamp(0, last) as usize;
            if next != b.selected {
                b.selected = next;
                app.reset_scroll();
            }
        }
    }
}

fn select(app: &mut App) {
    let Some(row) = app.selected_row().cloned() else {
        return;
    };
    if app.filters.view != View::Groups {
        let id = app.data.registry.groups[row.group].id.clone();
        app.filters.view = View::Groups;
        app.filters.text.clear();
        app.filters.query = Query::parse("");
        app.refilter(None);
        app.select_group(&id);
    }
    app.browse.focus = Pane::Detail;
}

/// Esc unwinds one thing at a time, most recent first.
fn back(app: &mut App) {
    if app.browse.focus != Pane::List {
        app.browse.focus = Pane::List;
    } else if !app.filters.text.is_empty() {
        clear_filter(app);
    } else if app.filters.view != View::Groups {
        app.filters.view = View::Groups;
        refilter_keeping_group(app);
    } else if app.filters.favorites_only {
        app.filters.favorites_only = false;
        refilter_keeping_group(app);
    }
}

/// Rebuilds the rows and selects the group that was selected, so leaving a view (the
/// Upcoming or Projects row of a group) lands on that group, and `e` exports it.
fn refilter_keeping_group(app: &mut App) {
    let keep = app.selected_group().map(|g| g.id.clone());
    app.refilter(None);
    if let Some(id) = keep {
        app.select_group(&id);
    }
}

fn toggle_favorite(app: &mut App) -> Option<Effect> {
    let g = app.selected_group()?;
    let (id, name) = (g.id.clone(), g.name.clone());
    let now_favorite = app.state.toggle_favorite(&id);
    app.status = Some(if now_favorite {
        format!("★ {name} is a favorite")
    } else {
        format!("{name} is no longer a favorite")
    });
    if app.filters.favorites_only {
        app.refilter(None);
        app.select_group(&id);
    }
    Some(Effect::SaveState(app.state.clone()))
}

fn open_picker(app: &mut App) {
    let links = app
        .selected_group()
        .map(links::of_group)
        .unwrap_or_default();
    if links.is_empty() {
        app.status = Some("this group has no links".into());
    } else {
        app.overlay = Overlay::Picker(Picker::new(links));
    }
}

fn picker(app: &mut App, action: Action) -> Option<Effect> {
    let Overlay::Picker(picker) = &mut app.overlay else {
        return None;
    };
    let last = picker.shown.len().saturating_sub(1);
    match action {
        Action::Quit => app.quit = true,
        Action::Back => app.overlay = Overlay::None,
        Action::Up => picker.selected = picker.selected.saturating_sub(1),
        Action::Down => picker.selected = (picker.selected + 1).min(last),
        Action::Type(c)
            if picker.filter.chars().count() < crate::untrusted::limits::MAX_QUERY_CHARS =>
        {
            picker.filter.push(c);
            picker.narrow();
        }
        Action::Backspace => {
            picker.filter.pop();
            picker.narrow();
        }
        Action::ClearLine => {
            picker.filter.clear();
            picker.narrow();
        }
        Action::Select => return open_picked(app, None),
        Action::OpenNumbered(n) => return open_picked(app, Some(n)),
        Action::CopyLink => {
            let Some(url) = picker.at(picker.selected).map(|l| l.url.clone()) else {
                app.status = Some("no link matches".into());
                return None;
            };
            app.overlay = Overlay::None;
            return copy(app, Some(url));
        }
        Action::Done(outcome) => report(app, outcome),
        _ => {}
    }
    None
}

/// Opens the link at a shown place (1-based) or the highlighted one, and closes the picker.
fn open_picked(app: &mut App, number: Option<usize>) -> Option<Effect> {
    let Overlay::Picker(picker) = &app.overlay else {
        return None;
    };
    let place = number.map_or(picker.selected, |n| n.saturating_sub(1));
    let Some(link) = picker.at(place) else {
        app.status = Some(match number {
            Some(n) => format!("there is no link {n}"),
            None => "no link matches".into(),
        });
        return None;
    };
    let url = link.url.clone();
    app.overlay = Overlay::None;
    open(app, Some(url), "link")
}

fn join(app: &mut App) -> Option<Effect> {
    // A group that no longer meets has no call to join, whatever its file still links.
    if let Some(row) = app.selected_row() {
        let gi = row.group;
        if let Some(why) = app.data.registry.groups[gi].no_longer_held() {
            let text = crate::agenda::time_source(&app.data.registry, &app.data.calendars, gi, 0);
            let name = &app.data.registry.groups[gi].name;
            app.status = Some(if text.starts_with(&why) {
                format!("{name}: {text}")
            } else {
                format!("{name}: {why}")
            });
            return None;
        }
    }
    // In the Upcoming view a row is one meeting: join that one.
    let chosen = app
        .selected_row()
        .and_then(|r| Some((r.meeting.as_ref()?.0, r.mark.clone())));
    if let Some((_, Some(mark))) = &chosen
        && mark.status == crate::agenda::Status::Cancelled
    {
        app.status = Some("cancelled in the community calendar: no call to join".into());
        return None;
    }
    let url = match (chosen, app.selected_group()) {
        (Some((m, mark)), Some(g)) => mark
            .and_then(|k| k.join)
            .or_else(|| g.meetings[m].join.clone()),
        (None, Some(_)) => app.selected_row().and_then(|r| join_link(r.group, app)),
        _ => None,
    };
    open(app, url, "meeting link")
}

/// The join link of the meeting that comes next (by its calendar, for a meeting one speaks
/// for, so a cancelled call is skipped); a meeting without a readable schedule still counts
/// when it is the only one with a link.
fn join_link(gi: usize, app: &App) -> Option<String> {
    let (registry, calendars) = (&app.data.registry, &app.data.calendars);
    let g = registry.groups.get(gi)?;
    let next = (0..g.meetings.len()).filter_map(|mi| {
        let next = crate::agenda::next_of(registry, calendars, (gi, mi), app.now)?;
        let link = next.join.clone().or_else(|| g.meetings[mi].join.clone())?;
        Some((next.occurrence.start.timestamp(), link))
    });
    next.min_by_key(|(start, _)| *start)
        .map(|(_, link)| link)
        .or_else(|| g.meetings.iter().find_map(|m| m.join.clone()))
}

fn open(app: &mut App, url: Option<String>, what: &str) -> Option<Effect> {
    let Some(url) = url else {
        app.status = Some(format!("no {what} for this group"));
        return None;
    };
    app.last_link = Some(url.clone());
    match links::check(&url) {
        Ok(checked) => Some(Effect::Open(checked.to_string())),
        Err(e) => {
            app.status = Some(format!("refused to open: {e}"));
            None
        }
    }
}

/// The group's first list; a group with none of its own gets its community's, and the
/// status line says whose list it is, now and once it has opened.
fn open_mailing_list(app: &mut App) -> Option<Effect> {
    let own = app
        .selected_group()
        .and_then(|g| g.mailing_lists.first().map(|l| l.url.clone()));
    if own.is_some() {
        return open(app, own, "mailing list");
    }
    let borrowed = community_list(app).map(|(url, note)| (url.to_string(), note));
    let Some((url, note)) = borrowed else {
        return open(app, None, "mailing list");
    };
    let effect = open(app, Some(url), "mailing list");
    if effect.is_some() {
        app.status = Some(format!("opening {note}"));
    }
    effect
}

/// The community's list, for a selected group with none of its own, and the words that say
/// so: "Cloud Foundry Foundation's list cf-dev (App Runtime Deployments has none of its own)".
fn community_list(app: &App) -> Option<(&str, String)> {
    let g = app
        .selected_group()
        .filter(|g| g.mailing_lists.is_empty())?;
    let c = app.data.registry.community(&g.community)?;
    let list = crate::present::community_list(c)?;
    let note = format!(
        "{}'s list {} ({} has none of its own)",
        c.name, list.title, g.name
    );
    Some((list.url.as_str(), note))
}

fn copy(app: &mut App, link: Option<String>) -> Option<Effect> {
    match link {
        Some(url) => Some(Effect::Copy(url)),
        None => {
            app.status = Some("no link to copy".into());
            None
        }
    }
}

fn go_to_successor(app: &mut App) {
    let Some(successor) = app.selected_group().and_then(|g| g.successor.clone()) else {
        app.status = Some("this group has no successor".into());
        return;
    };
    if !app.select_group(&successor) {
        app.filters.view = View::Groups;
        app.filters.favorites_only = false;
        clear_filter(app);
        app.select_group(&successor);
    }
    app.browse.focus = Pane::List;
}

/// Prepares the calendar file; the driver only writes it.
fn export(app: &mut App) -> Option<Effect> {
    let g = app.selected_group()?;
    let export = crate::ics::export(&[g], app.now);
    Some(Effect::Write {
        file: format!("{}.ics", g.id),
        text: export.text,
        skipped: export.skipped.len(),
    })
}

/// What the driver reports back, said in the status line.
fn report(app: &mut App, outcome: Outcome) {
    // A community's list opened for a group with none keeps saying whose list it is.
    let whose = |url: &str| match community_list(app) {
        Some((list, note)) if list == url => format!(": {note}"),
        _ => String::new(),
    };
    app.status = Some(match outcome {
        Outcome::Opened { url, with: Some(b) } => format!("opened {url} with {b}{}", whose(&url)),
        Outcome::Opened { url, with: None } => format!("opened {url}{}", whose(&url)),
        Outcome::NotOpened { url, error } => {
            format!("{error}: {url}  ({} copies it)", key(Action::CopyLink))
        }
        Outcome::Copied(text) => format!("copied {text}"),
        Outcome::NotCopied(error) => format!("could not copy: {error}"),
        Outcome::Wrote { path, skipped: 0 } => format!("wrote {path}"),
        Outcome::Wrote { path, skipped } => {
            format!("wrote {path} ({skipped} meeting(s) without a readable time left out)")
        }
        Outcome::NotWritten { path, error } => format!("could not write {path}: {error}"),
        Outcome::Saved => return,
        Outcome::NotSaved { dir, error } => format!("could not save favorites in {dir}: {error}"),
        Outcome::NotSynced => "the sync could not be started".into(),
    });
}

#[cfg(test)]
mod tests;
