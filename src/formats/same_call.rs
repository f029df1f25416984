//! Registries list a meeting once per subproject that attends it: Kubernetes' sigs.yaml
//! repeats SIG K8s Infra's "Regular SIG Meeting" under six subprojects, same time, same
//! Zoom link. To a person that is one meeting, so it is one row everywhere (show, the
//! meetings pane, upcoming, calendar exports), listing the subprojects it serves.

use crate::model::{Link, LinkKind, Meeting};
use crate::yaml::node::Pos;

/// Folds each meeting into the first earlier one of the same group at the same time with
/// the same call, keeping that one's title and position and gaining its subprojects,
/// recordings and links. Without a join link, or every other week on weeks nobody wrote
/// down, only meetings with the same title too count as the same (two calls at one hour
/// may be two rooms; two biweekly meetings may take turns). `written` holds each meeting's
/// position and shrinks with it.
pub fn merge_repeats(meetings: &mut Vec<Meeting>, written: &mut Vec<Pos>) {
    let mut kept: Vec<Meeting> = Vec::with_capacity(meetings.len());
    let mut places = Vec::with_capacity(written.len());
    for (i, m) in std::mem::take(meetings).into_iter().enumerate() {
        match kept.iter_mut().find(|k| same(k, &m)) {
            Some(first) => absorb(first, m),
            None => {
                kept.push(m);
                places.extend(written.get(i).copied());
            }
        }
    }
    *meetings = kept;
    *written = places;
}

fn same(a: &Meeting, b: &Meeting) -> bool {
    let same_time = match (&a.schedule, &b.schedule) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.published == b.published,
        _ => false,
    };
    // Two differently named meetings every other week on one call often take turns
    // ("biweekly, alternating with the regular meeting"), and with no anchor the specs
    // can't tell the weeks apart; so these must share the title as well.
    let may_alternate = a
        .schedule
        .as_ref()
        .is_none_or(|s| s.interval.is_some_and(|i| i > 1) && s.anchor.is_none());
    same_time && a.join == b.join && (a.title == b.title || (a.join.is_some() && !may_alternate))
}

/// `first` gains what `repeat` adds: a group's own meeting stays the group's (no
/// subprojects) only when none of the repeats is a subproject's. A repeat's own notes or
/// calendar link, where the first has another, becomes one of its links, so nothing
/// published is lost.
fn absorb(first: &mut Meeting, repeat: Meeting) {
    fn add<T: PartialEq>(to: &mut Vec<T>, from: Vec<T>) {
        for item in from {
            if !to.contains(&item) {
                to.push(item);
            }
        }
    }
    let whose = match repeat.projects.as_slice() {
        [] => repeat.title.clone(),
        projects => projects.join(", "),
    };
    for (kind, what, theirs, ours) in [
        (LinkKind::Notes, "notes", &repeat.notes, &first.notes),
        (
            LinkKind::Calendar,
            "calendar",
            &repeat.calendar,
            &first.calendar,
        ),
    ] {
        if let (Some(url), Some(own)) = (theirs, ours)
            && url != own
            && !first.links.iter().any(|l| l.url == *url)
        {
            first.links.push(Link {
                kind,
                title: format!("{whose} {what}"),
                url: url.clone(),
            });
        }
    }
    add(&mut first.projects, repeat.projects);
    add(&mut first.recordings, repeat.recordings);
    add(&mut first.links, repeat.links);
    for (to, from) in [
        (&mut first.notes, repeat.notes),
        (&mut first.calendar, repeat.calendar),
        (&mut first.meeting_id, repeat.meeting_id),
        (&mut first.passcode, repeat.passcode),
    ] {
        if to.is_none() {
            *to = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScheduleSpec;

    fn meeting(title: &str, project: Option<&str>, at: &str, join: Option<&str>) -> Meeting {
        Meeting {
            title: title.into(),
            published: format!("Wednesday {at} UTC"),
            schedule: Some(ScheduleSpec {
                on: vec!["wednesday".into()],
                at: at.into(),
                zone: "UTC".into(),
                ..ScheduleSpec::default()
            }),
            join: join.map(str::to_string),
            projects: project.into_iter().map(str::to_string).collect(),
            ..Meeting::default()
        }
    }

    fn biweekly(mut m: Meeting) -> Meeting {
        if let Some(s) = &mut m.schedule {
            s.interval = Some(2);
        }
        m
    }

    #[test]
    fn one_call_at_one_time_is_one_meeting_listing_its_subprojects() {
        let zoom = Some("https://zoom.us/j/1");
        let mut meetings = vec![
            meeting("Regular SIG Meeting", Some("dns"), "17:00", zoom),
            meeting("Regular SIG Meeting", Some("images"), "17:00", zoom),
            meeting("Regular SIG Meeting", Some("dns"), "17:00", zoom),
            meeting(
                "Billing",
                Some("billing"),
                "17:00",
                Some("https://zoom.us/j/2"),
            ),
            meeting("Regular SIG Meeting", Some("infra"), "18:00", zoom),
            meeting("Triage", None, "17:00", None),
            meeting("Office hours", None, "17:00", None),
            meeting("Weekly", None, "19:00", zoom),
            meeting("Subproject sync", Some("sync"), "19:00", zoom),
            biweekly(meeting("Regular", None, "20:00", zoom)),
            biweekly(meeting("Triage, alternating", None, "20:00", zoom)),
        ];
        let mut written: Vec<Pos> = (1..=11).map(|line| Pos { line, column: 1 }).collect();
        merge_repeats(&mut meetings, &mut written);
        let rows: Vec<(&str, Vec<&str>)> = meetings
            .iter()
            .map(|m| {
                let projects = m.projects.iter().map(String::as_str).collect();
                (m.title.as_str(), projects)
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Regular SIG Meeting", vec!["dns", "images"]),
                ("Billing", vec!["billing"]),
                ("Regular SIG Meeting", vec!["infra"]),
                ("Triage", vec![]),
                ("Office hours", vec![]),
                ("Weekly", vec!["sync"]),
                ("Regular", vec![]),
                ("Triage, alternating", vec![]),
            ]
        );
        let lines: Vec<usize> = written.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 4, 5, 6, 7, 8, 10, 11]);
    }
}
