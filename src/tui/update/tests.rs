//! Transitions with no terminal: Action in, state and Effect out.

use super::*;
use crate::tui::app::App;
use crate::tui::testing::app;

fn type_text(app: &mut App, text: &str) {
    update(app, Action::StartSearch);
    for c in text.chars() {
        update(app, Action::Type(c));
    }
}

fn picker(app: &App) -> Option<&Picker> {
    match &app.overlay {
        Overlay::Picker(p) => Some(p),
        _ => None,
    }
}

fn selected_id(app: &App) -> &str {
    &app.selected_group().unwrap().id
}

#[test]
fn typing_filters_live_and_enter_keeps_the_filter_with_the_best_hit() {
    let mut app = app();
    let all = app.browse.rows.len();
    type_text(&mut app, "cloudevents");
    assert!(app.search.is_some());
    assert!(app.browse.rows.len() < all);
    assert_eq!(selected_id(&app), "cncf-wg-serverless");
    update(&mut app, Action::Down);
    update(&mut app, Action::AcceptSearch);
    assert!(app.search.is_none());
    assert_eq!(app.filters.text, "cloudevents");
    assert_eq!(selected_id(&app), "cncf-wg-serverless");
}

#[test]
fn m_on_a_group_without_a_list_offers_the_communitys_and_says_so() {
    let mut app = app();
    app.select_group("cf-app-runtime-interfaces");
    assert!(app.selected_group().unwrap().mailing_lists.is_empty());
    let list = "mailto:cf-dev@lists.cloudfoundry.org";
    assert_eq!(
        update(&mut app, Action::OpenMailingList),
        Some(Effect::Open(list.into()))
    );
    let note =
        "Cloud Foundry Foundation's list cf-dev (App Runtime Interfaces has none of its own)";
    assert_eq!(
        app.status.as_deref(),
        Some(format!("opening {note}").as_str())
    );
    let opened = Outcome::Opened {
        url: list.into(),
        with: None,
    };
    update(&mut app, Action::Done(opened));
    assert_eq!(
        app.status.as_deref(),
        Some(format!("opened {list}: {note}").as_str())
    );

    // A group with a list of its own opens that one, in the usual words.
    app.select_group("cncf-wg-serverless");
    let own = "https://lists.cncf.io/g/cncf-wg-serverless";
    assert_eq!(
        update(&mut app, Action::OpenMailingList),
        Some(Effect::Open(own.into()))
    );
    let opened = Outcome::Opened {
        url: own.into(),
        with: None,
    };
    update(&mut app, Action::Done(opened));
    assert_eq!(
        app.status.as_deref(),
        Some(format!("opened {own}").as_str())
    );
}

#[test]
fn z_on_the_archived_serverless_wg_says_it_no_longer_meets_instead_of_opening_a_dead_call() {
    let mut app = app();
    type_text(&mut app, "cloudevents");
    update(&mut app, Action::AcceptSearch);
    assert_eq!(selected_id(&app), "cncf-wg-serverless");
    assert_eq!(update(&mut app, Action::Join), None);
    assert_eq!(
        app.status.as_deref(),
        Some("Serverless Working Group: no longer held (archived)")
    );
}

#[test]
fn z_on_a_live_group_opens_its_next_call() {
    let mut app = app();
    type_text(&mut app, "sig node");
    update(&mut app, Action::AcceptSearch);
    assert_eq!(selected_id(&app), "kubernetes-sig-node");
    assert_eq!(
        update(&mut app, Action::Join),
        Some(Effect::Open("https://zoom.us/my/sig-node".into()))
    );
}

#[test]
fn esc_while_searching_clears_the_filter_and_keeps_the_selection() {
    let mut app = app();
    let all = app.browse.rows.len();
    type_text(&mut app, "uaa");
    update(&mut app, Action::CancelSearch);
    assert_eq!(
        (app.filters.text.as_str(), app.browse.rows.len()),
        ("", all)
    );
    assert_eq!(selected_id(&app), "cf-foundational-infrastructure");
}

#[test]
fn backspace_widens_the_search_again() {
    let mut app = app();
    type_text(&mut app, "'service fabrikzz");
    assert!(app.browse.rows.is_empty());
    update(&mut app, Action::Backspace);
    update(&mut app, Action::Backspace);
    assert_eq!(selected_id(&app), "cf-service-management");
}

#[test]
fn link_picker_opens_by_number_and_closes() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    assert_eq!(update(&mut app, Action::OpenLinkPicker), None);
    let first = picker(&app).unwrap().links[0].url.clone();
    assert_eq!(
        update(&mut app, Action::OpenNumbered(1)),
        Some(Effect::Open(first))
    );
    assert!(picker(&app).is_none());
    update(&mut app, Action::OpenLinkPicker);
    assert_eq!(update(&mut app, Action::OpenNumbered(99)), None);
    assert!(app.status.as_deref().unwrap().contains("no link 99"));
    update(&mut app, Action::Back);
    assert!(picker(&app).is_none());
}

#[test]
fn chat_and_mailing_list_keys_open_the_group_links() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    assert_eq!(
        update(&mut app, Action::OpenChat),
        Some(Effect::Open("https://slack.cncf.io/".into()))
    );
    let Some(Effect::Open(list)) = update(&mut app, Action::OpenMailingList) else {
        panic!("no list")
    };
    assert!(list.contains("cncf-wg-serverless"));
}

#[test]
fn y_copies_the_join_link_and_the_picker_copies_its_selection() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    assert_eq!(
        update(&mut app, Action::CopyLink),
        Some(Effect::Copy("https://zoom.us/my/cncfserverlesswg".into()))
    );
    update(&mut app, Action::OpenLinkPicker);
    update(&mut app, Action::Down);
    let second = picker(&app).unwrap().links[1].url.clone();
    assert_eq!(
        update(&mut app, Action::CopyLink),
        Some(Effect::Copy(second))
    );
}

#[test]
fn a_refused_link_never_becomes_an_effect() {
    let mut app = app();
    let i = app.data.registry.group_index("cncf-wg-serverless").unwrap();
    std::sync::Arc::make_mut(&mut app.data.registry).groups[i].chat[0].url =
        Some("javascript:alert(1)".into());
    app.select_group("cncf-wg-serverless");
    assert_eq!(update(&mut app, Action::OpenChat), None);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("refused to open")
    );
}

#[test]
fn favorites_toggle_saves_and_filter_shows_only_them() {
    let mut app = app();
    app.select_group("cf-docs");
    let effect = update(&mut app, Action::ToggleFavorite);
    assert!(app.state.is_favorite("cf-docs"));
    assert_eq!(effect, Some(Effect::SaveState(app.state.clone())));
    update(&mut app, Action::ToggleFavoritesOnly);
    assert_eq!(app.browse.rows.len(), 1);
    assert_eq!(selected_id(&app), "cf-docs");
    update(&mut app, Action::Back);
    assert!(!app.filters.favorites_only);
}

#[test]
fn projects_view_lists_projects_and_enter_jumps_to_the_group() {
    let mut app = app();
    update(&mut app, Action::ToggleProjects);
    assert_eq!(app.filters.view, View::Projects);
    type_text(&mut app, "service fabrik");
    update(&mut app, Action::AcceptSearch);
    let row = app.selected_row().unwrap();
    let g = &app.data.registry.groups[row.group];
    assert_eq!(g.projects[row.project.unwrap()].name, "Service Fabrik");
    update(&mut app, Action::Select);
    assert_eq!(app.filters.view, View::Groups);
    assert_eq!(selected_id(&app), "cf-service-management");
    assert_eq!(app.browse.focus, Pane::Detail);
}

#[test]
fn n_goes_to_the_successor_even_when_filtered_out() {
    let mut app = app();
    type_text(&mut app, "buildpacks");
    update(&mut app, Action::AcceptSearch);
    app.select_group("cf-buildpacks");
    update(&mut app, Action::GoToSuccessor);
    assert_eq!(selected_id(&app), "cf-paketo");
}

#[test]
fn movement_is_clamped_and_text_panes_scroll_instead() {
    let mut app = app();
    update(&mut app, Action::Up);
    assert_eq!(app.browse.selected, 0);
    update(&mut app, Action::Bottom);
    assert_eq!(app.browse.selected, app.browse.rows.len() - 1);
    update(&mut app, Action::Down);
    assert_eq!(app.browse.selected, app.browse.rows.len() - 1);
    update(&mut app, Action::NextPane);
    update(&mut app, Action::PageDown);
    assert_eq!(
        (app.browse.selected, app.browse.detail_scroll),
        (app.browse.rows.len() - 1, 19)
    );
    update(&mut app, Action::PreviousPane);
    update(&mut app, Action::Top);
    assert_eq!((app.browse.selected, app.browse.detail_scroll), (0, 0));
}

#[test]
fn clicks_select_rows_and_out_of_range_clicks_do_nothing() {
    let mut app = app();
    update(&mut app, Action::Click(3));
    assert_eq!(app.browse.selected, 3);
    update(&mut app, Action::Click(10_000));
    assert_eq!(app.browse.selected, 3);
}

#[test]
fn q_and_ctrl_c_quit_even_from_the_picker() {
    let mut app = app();
    update(&mut app, Action::OpenLinkPicker);
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn leaving_a_view_with_esc_keeps_the_group_so_e_exports_it() {
    for (view, toggle) in [
        (View::Upcoming, Action::ToggleUpcoming),
        (View::Projects, Action::ToggleProjects),
    ] {
        let mut app = app();
        update(&mut app, toggle);
        assert_eq!(app.filters.view, view);
        let fi = app
            .browse
            .rows
            .iter()
            .position(|r| app.data.registry.groups[r.group].id == "cf-foundational-infrastructure")
            .unwrap();
        assert_ne!(fi, 0, "not the first row, so keeping it is not luck");
        update(&mut app, Action::Click(fi));
        update(&mut app, Action::Back);
        assert_eq!(
            (app.filters.view, selected_id(&app)),
            (View::Groups, "cf-foundational-infrastructure"),
            "{view:?}"
        );
        match update(&mut app, Action::Export) {
            Some(Effect::Write { file, .. }) => {
                assert_eq!(file, "cf-foundational-infrastructure.ics")
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn upcoming_view_lists_meetings_in_time_order_and_z_joins_the_selected_one() {
    let mut app = app();
    update(&mut app, Action::ToggleUpcoming);
    assert_eq!(app.filters.view, View::Upcoming);
    let starts: Vec<_> = app
        .browse
        .rows
        .iter()
        .map(|r| r.meeting.as_ref().unwrap().1.start.timestamp())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        app.browse
            .rows
            .iter()
            .all(|r| app.data.registry.groups[r.group].id != "cncf-wg-serverless"),
        "the archived Serverless WG no longer meets"
    );
    let fi = app
        .browse
        .rows
        .iter()
        .position(|r| app.data.registry.groups[r.group].id == "cf-foundational-infrastructure")
        .unwrap();
    update(&mut app, Action::Click(fi));
    assert_eq!(
        update(&mut app, Action::Join),
        Some(Effect::Open("https://zoom.us/j/fi".into()))
    );
    update(&mut app, Action::Select);
    assert_eq!(
        (app.filters.view, selected_id(&app)),
        (View::Groups, "cf-foundational-infrastructure")
    );
}

#[test]
fn w_keeps_meetings_within_working_hours() {
    let mut app = app();
    app.data.hours = crate::config::WorkingHours {
        start: jiff::civil::Time::constant(17, 0, 0, 0),
        end: jiff::civil::Time::constant(18, 0, 0, 0),
    };
    update(&mut app, Action::ToggleUpcoming);
    let all = app.browse.rows.len();
    update(&mut app, Action::ToggleWorkingHours);
    assert!(app.browse.rows.len() < all && !app.browse.rows.is_empty());
    for r in &app.browse.rows {
        let t = r.meeting.as_ref().unwrap().1.in_zone(&app.tz).0.time();
        assert!(t >= app.data.hours.start && t < app.data.hours.end, "{t}");
    }
    update(&mut app, Action::ToggleWorkingHours);
    assert_eq!(app.browse.rows.len(), all);
}

#[test]
fn e_asks_to_export_the_selected_group() {
    let mut app = app();
    app.select_group("cf-app-runtime-interfaces");
    let Some(Effect::Write {
        file,
        text,
        skipped,
    }) = update(&mut app, Action::Export)
    else {
        panic!("no export");
    };
    assert_eq!(file, "cf-app-runtime-interfaces.ics");
    assert!(text.contains("SUMMARY:App Runtime Interfaces"), "{text}");
    assert_eq!(skipped, 0);
    // The driver's report comes back as an action and is said in the status line.
    let done = Outcome::Wrote {
        path: "/tmp/x/cf-app-runtime-interfaces.ics".into(),
        skipped: 1,
    };
    assert_eq!(update(&mut app, Action::Done(done)), None);
    assert_eq!(
        app.status.as_deref(),
        Some(
            "wrote /tmp/x/cf-app-runtime-interfaces.ics (1 meeting(s) without a readable time left out)"
        )
    );
}

#[test]
fn ticks_drop_ended_meetings_from_upcoming_and_keep_the_selection() {
    let mut app = app();
    update(&mut app, Action::ToggleUpcoming);
    let first = app.browse.rows[0].clone();
    let first_end = first.meeting.as_ref().unwrap().1.end.timestamp();
    update(&mut app, Action::Click(1));
    let selected = app.browse.rows[1].clone();
    update(
        &mut app,
        Action::Tick(first_end + jiff::SignedDuration::from_secs(1)),
    );
    assert!(
        !app.browse.rows.contains(&first),
        "the ended meeting left the agenda"
    );
    assert_eq!(app.selected_row(), Some(&selected));
    // A tick within the same minute, with nothing ended, rebuilds nothing.
    app.browse.rows.truncate(2);
    update(
        &mut app,
        Action::Tick(first_end + jiff::SignedDuration::from_secs(2)),
    );
    assert_eq!(app.browse.rows.len(), 2);
}

#[test]
fn projects_view_matches_repos_and_other_names_too() {
    let mut app = app();
    update(&mut app, Action::ToggleProjects);
    let all = app.browse.rows.len();
    assert_eq!(
        all,
        app.data
            .registry
            .groups
            .iter()
            .map(|g| g.projects.len())
            .sum::<usize>()
    );
    type_text(&mut app, "app autoscaler");
    let row = app.selected_row().unwrap();
    let m = row.matched.as_ref().unwrap();
    assert_eq!(
        (m.label, m.text.as_str()),
        ("also known as", "App Autoscaler")
    );
    update(&mut app, Action::ClearLine);
    type_text(&mut app, "'cloud_controller_ng");
    let m = app.selected_row().unwrap().matched.clone().unwrap();
    assert_eq!(
        (m.label, m.text.as_str()),
        ("repo", "cloudfoundry/cloud_controller_ng")
    );
}

#[test]
fn c_steps_through_each_community_then_back_to_all_keeping_the_selection() {
    let mut app = app();
    let all = app.browse.rows.len();
    let order: Vec<String> = app
        .data
        .registry
        .communities
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert!(order.len() >= 2, "{order:?}");
    app.select_group("cf-foundational-infrastructure");
    for id in &order {
        update(&mut app, Action::NextCommunity);
        assert_eq!(app.filters.community.as_deref(), Some(id.as_str()));
        assert!(!app.browse.rows.is_empty());
        assert!(
            app.browse
                .rows
                .iter()
                .all(|r| app.data.registry.groups[r.group].community == *id)
        );
        let name = &app.data.registry.community(id).unwrap().name;
        assert!(
            app.count_text().ends_with(&format!(" · {name}")),
            "{}",
            app.count_text()
        );
        assert!(app.status.as_deref().unwrap().contains(name.as_str()));
    }
    update(&mut app, Action::NextCommunity);
    assert_eq!(app.filters.community, None);
    assert_eq!(app.browse.rows.len(), all);
    assert_eq!(app.status.as_deref(), Some("showing every community"));
    // The selection survives when its group is still listed.
    app.select_group("cf-foundational-infrastructure");
    app.show_community(Some("cloudfoundry".into()));
    assert_eq!(selected_id(&app), "cf-foundational-infrastructure");
}

#[test]
fn a_search_within_one_community_stays_within_it() {
    let mut app = app();
    app.show_community(Some("cloudfoundry".into()));
    type_text(&mut app, "serverless");
    assert!(
        app.browse
            .rows
            .iter()
            .all(|r| app.data.registry.groups[r.group].community == "cloudfoundry")
    );
}

#[test]
fn a_path_finds_its_project_in_the_projects_view_and_the_header_says_one_project() {
    let mut app = app();
    update(&mut app, Action::ToggleProjects);
    type_text(&mut app, "pkg/kubelet$");
    assert_eq!(app.count_text(), "1 project");
    assert_eq!(selected_id(&app), "kubernetes-sig-node");
}

fn type_in_picker(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(update(app, Action::Type(c)), None, "typing opens nothing");
    }
}

#[test]
fn typing_part_of_a_link_title_in_the_picker_narrows_it_and_enter_opens_it() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    update(&mut app, Action::OpenLinkPicker);
    type_in_picker(&mut app, "repos");
    let p = picker(&app).unwrap();
    assert_eq!(p.filter, "repos");
    assert!(p.shown.len() < p.links.len(), "the filter narrows");
    assert_eq!(p.at(0).unwrap().label, "WG repository");
    assert_eq!(
        update(&mut app, Action::Select),
        Some(Effect::Open("https://github.com/cncf/wg-serverless".into()))
    );
    assert!(picker(&app).is_none(), "opening closes the picker");

    // Scattered letters find a title too, and a digit opens that place among those left.
    update(&mut app, Action::OpenLinkPicker);
    type_in_picker(&mut app, "intlnum");
    assert_eq!(
        update(&mut app, Action::OpenNumbered(1)),
        Some(Effect::Open(
            "https://zoom.us/zoomconference?m=serverless".into()
        ))
    );
}

#[test]
fn backspace_and_clearing_the_picker_filter_bring_links_back() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    update(&mut app, Action::OpenLinkPicker);
    let all = picker(&app).unwrap().links.len();
    type_in_picker(&mut app, "zzzz");
    assert!(picker(&app).unwrap().shown.is_empty());
    assert_eq!(update(&mut app, Action::Select), None);
    assert_eq!(app.status.as_deref(), Some("no link matches"));
    assert_eq!(update(&mut app, Action::CopyLink), None);
    assert!(picker(&app).is_some(), "nothing to open keeps the picker");
    update(&mut app, Action::Backspace);
    update(&mut app, Action::ClearLine);
    let p = picker(&app).unwrap();
    assert_eq!((p.filter.as_str(), p.shown.len()), ("", all));
}

#[test]
fn every_one_of_many_links_is_reachable_from_the_picker() {
    let mut app = app();
    let gi = app.data.registry.group_index("cncf-wg-serverless").unwrap();
    std::sync::Arc::make_mut(&mut app.data.registry).groups[gi]
        .links
        .extend((1..=40).map(|n| crate::model::Link {
            kind: Default::default(),
            title: format!("Meeting notes {n:02}"),
            url: format!("https://notes.example/{n:02}"),
        }));
    app.select_group("cncf-wg-serverless");
    update(&mut app, Action::OpenLinkPicker);
    let links = picker(&app).unwrap().links.clone();
    assert!(links.len() > 40);
    for (i, link) in links.iter().enumerate() {
        update(&mut app, Action::OpenLinkPicker);
        for _ in 0..i {
            update(&mut app, Action::Down);
        }
        assert_eq!(
            update(&mut app, Action::Select),
            Some(Effect::Open(links::check(&link.url).unwrap().to_string())),
            "link {} by moving",
            i + 1
        );
    }
    // And the 37th by its title, where no digit reaches.
    update(&mut app, Action::OpenLinkPicker);
    type_in_picker(&mut app, "notes 37");
    assert_eq!(
        update(&mut app, Action::OpenNumbered(1)),
        Some(Effect::Open("https://notes.example/37".into()))
    );
}
