//! Where each pane goes for a terminal size. Both the view and the mouse handling ask this
//! one function, so a click lands on the row that is drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Pane;

/// Narrower than this, panes are shown one at a time.
pub const WIDE: u16 = 100;
/// Smaller than this, only a "too small" message is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    pub meetings: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    /// Rows of the list, inside its border.
    pub fn list_rows(&self) -> u16 {
        self.list.map_or(0, |r| r.height.saturating_sub(2))
    }
}

/// None when the terminal is too small to be useful.
pub fn areas(size: Rect, focus: Pane) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let mut areas = Areas {
        header,
        status,
        footer,
        ..Areas::default()
    };
    if size.width >= WIDE {
        let [list, right] =
            Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)])
                .areas(body);
        let [detail, meetings] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
        areas.list = Some(list);
        areas.detail = Some(detail);
        areas.meetings = Some(meetings);
    } else {
        match focus {
            Pane::List => areas.list = Some(body),
            Pane::Detail => areas.detail = Some(body),
            Pane::Meetings => areas.meetings = Some(body),
        }
    }
    Some(areas)
}

/// The list row under a mouse position, if any (rows start inside the border).
pub fn list_row_at(areas: &Areas, column: u16, row: u16, offset: usize) -> Option<usize> {
    let list = areas.list?;
    let inside = column > list.x
        && column < list.right().saturating_sub(1)
        && row > list.y
        && row < list.bottom().saturating_sub(1);
    inside.then(|| offset + usize::from(row - list.y - 1))
}

/// The first list row drawn: the list scrolls only as far as it must to show the selection,
/// so the same offset can be recomputed for a mouse click.
pub fn list_offset(selected: usize, visible_rows: u16) -> usize {
    let visible = usize::from(visible_rows.max(1));
    (selected + 1).saturating_sub(visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_three_panes_narrow_ones_one() {
        let wide = areas(Rect::new(0, 0, 120, 40), Pane::List).unwrap();
        assert!(wide.list.is_some() && wide.detail.is_some() && wide.meetings.is_some());
        let narrow = areas(Rect::new(0, 0, 80, 24), Pane::Meetings).unwrap();
        assert_eq!((narrow.list, narrow.detail), (None, None));
        assert_eq!(narrow.meetings.unwrap().width, 80);
    }

    #[test]
    fn tiny_terminals_get_no_panes() {
        for (w, h) in [(1, 1), (39, 24), (80, 9), (0, 0)] {
            assert!(
                areas(Rect::new(0, 0, w, h), Pane::List).is_none(),
                "{w}x{h}"
            );
        }
    }

    #[test]
    fn clicks_map_to_rows_inside_the_border() {
        let a = areas(Rect::new(0, 0, 120, 40), Pane::List).unwrap();
        let list = a.list.unwrap();
        assert_eq!(list_row_at(&a, 5, list.y + 1, 0), Some(0));
        assert_eq!(list_row_at(&a, 5, list.y + 3, 10), Some(12));
        assert_eq!(list_row_at(&a, 5, list.y, 0), None);
        assert_eq!(list_row_at(&a, list.right() + 2, list.y + 1, 0), None);
    }
}
