//! The component tree (`BEGIN:X` … `END:X`), built leniently: a feed with one unbalanced
//! `END` or a missing one at the end of the file still yields every component that can be
//! told apart, each problem becoming a warning with its line.

use super::Warning;
use super::content::{ContentLine, Line};
use super::limits::MAX_DEPTH;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Component {
    /// Upper-cased: `VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, ...
    pub name: String,
    /// Line of its `BEGIN`.
    pub line: usize,
    pub properties: Vec<ContentLine>,
    pub children: Vec<Component>,
}

impl Component {
    /// The first property with this (upper-case) name.
    pub fn property(&self, name: &str) -> Option<&ContentLine> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a ContentLine> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.property(name).map(|p| p.value.as_str())
    }
}

/// The top-level components of the file, in order.
pub fn tree(lines: Vec<Line>, warnings: &mut Vec<Warning>) -> Vec<Component> {
    let mut roots = Vec::new();
    let mut stack: Vec<Component> = Vec::new();
    // Components nested deeper than MAX_DEPTH are skipped whole: how many BEGINs are open.
    let mut skipping = 0usize;
    let mut stray_properties = 0usize;
    for line in lines {
        match line {
            Line::Begin { line, name } => {
                if skipping > 0 || stack.len() >= MAX_DEPTH {
                    if skipping == 0 {
                        warnings.push(Warning::new(
                            line,
                            format!("`{name}` is nested too deeply and is not read"),
                        ));
                    }
                    skipping += 1;
                    continue;
                }
                if INSIDE_CALENDAR.contains(&name.as_str()) {
                    // An event can't hold an event: the one still open lost its END.
                    while in_calendar_component(&stack) {
                        let open = stack.pop().expect("checked");
                        warnings.push(Warning::new(
                            open.line,
                            format!(
                                "`BEGIN:{}` is never closed before `BEGIN:{name}` on line {line}",
                                open.name
                            ),
                        ));
                        attach(&mut stack, &mut roots, open);
                    }
                }
                stack.push(Component {
                    name,
                    line,
                    ..Component::default()
                });
            }
            Line::End { line, name } => {
                if skipping > 0 {
                    skipping -= 1;
                    continue;
                }
                let Some(depth) = stack.iter().rposition(|c| c.name == name) else {
                    warnings.push(Warning::new(
                        line,
                        format!("`END:{name}` without a matching `BEGIN:{name}`"),
                    ));
                    continue;
                };
                while stack.len() > depth + 1 {
                    let open = stack.pop().expect("deeper than depth");
                    warnings.push(Warning::new(
                        open.line,
                        format!(
                            "`BEGIN:{}` is closed by `END:{name}` on line {line}",
                            open.name
                        ),
                    ));
                    attach(&mut stack, &mut roots, open);
                }
                let done = stack.pop().expect("found at depth");
                attach(&mut stack, &mut roots, done);
            }
            Line::Property(p) => match stack.last_mut() {
                _ if skipping > 0 => {}
                Some(c) => c.properties.push(p),
                None => {
                    if stray_properties == 0 {
                        warnings.push(Warning::new(
                            p.line,
                            format!("`{}` is outside any `BEGIN`/`END` and is not read", p.name),
                        ));
                    }
                    stray_properties += 1;
                }
            },
        }
    }
    while let Some(open) = stack.pop() {
        warnings.push(Warning::new(
            open.line,
            format!(
                "`BEGIN:{}` is never closed (the file ends first)",
                open.name
            ),
        ));
        attach(&mut stack, &mut roots, open);
    }
    roots
}

/// Components that only a calendar holds.
const INSIDE_CALENDAR: [&str; 5] = ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE"];

/// Whether an event (or a to-do, a time zone...) is open, so another can't begin inside it.
fn in_calendar_component(stack: &[Component]) -> bool {
    stack
        .iter()
        .any(|c| INSIDE_CALENDAR.contains(&c.name.as_str()))
}

fn attach(stack: &mut [Component], roots: &mut Vec<Component>, done: Component) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(done),
        None => roots.push(done),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::content::lines;

    fn read(text: &str) -> (Vec<Component>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let l = lines(text.as_bytes(), &mut warnings);
        let t = tree(l, &mut warnings);
        (t, warnings)
    }

    #[test]
    fn events_nest_in_the_calendar_with_their_alarms() {
        let (roots, warnings) = read(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VALARM\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(roots.len(), 1);
        let event = &roots[0].children[0];
        assert_eq!((event.name.as_str(), event.line), ("VEVENT", 2));
        assert_eq!(event.value("UID"), Some("a"));
        assert_eq!(event.children[0].name, "VALARM");
    }

    #[test]
    fn an_unclosed_event_is_closed_by_the_calendar_end_with_a_warning() {
        let (roots, warnings) = read(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nBEGIN:VEVENT\nUID:b\nEND:VEVENT\nEND:VCALENDAR\n",
        );
        let uids: Vec<_> = roots[0]
            .children
            .iter()
            .map(|e| e.value("UID").unwrap())
            .collect();
        assert_eq!(uids, ["a", "b"], "an event can't hold an event");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].line, 2);
        assert!(
            warnings[0]
                .message
                .contains("never closed before `BEGIN:VEVENT` on line 4"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_stray_end_and_a_missing_end_are_warnings_not_a_lost_file() {
        let (roots, warnings) =
            read("BEGIN:VCALENDAR\nEND:VTODO\nBEGIN:VEVENT\nUID:a\nEND:VEVENT\n");
        assert_eq!(roots[0].children.len(), 1);
        let lines: Vec<_> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [2, 1], "{warnings:?}");
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = "BEGIN:X\n".repeat(MAX_DEPTH + 5) + &"END:X\n".repeat(MAX_DEPTH + 5);
        let (roots, warnings) = read(&deep);
        assert_eq!(roots.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let mut depth = 0;
        let mut c = &roots[0];
        while let Some(child) = c.children.first() {
            depth += 1;
            c = child;
        }
        assert_eq!(depth, MAX_DEPTH - 1);
    }
}
