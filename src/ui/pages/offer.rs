//! `/<lang>/offers/<offer>`: everything known about one offer, its place and organisation.

use super::NotFoundPage;
use crate::domain::offer::{Cost, OfferDetail};
use crate::i18n::*;
use crate::serverfns::get_offer;
use crate::ui::components::age_text::age_text;
use crate::ui::components::occurrence_text::OccurrenceList;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::components::rich_text::RichText;
use crate::ui::components::schedule_text::ScheduleSummary;
use crate::ui::components::share_button::ShareButton;
use crate::ui::components::untranslated::UntranslatedMark;
use crate::ui::icons::{category_name, Icon, IconView};
use crate::ui::labels;
use crate::ui::locale::route_locale;
use crate::ui::tel_href;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn OfferPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let slug = use_params_map().read_untracked().get("offer").unwrap_or_default();
    let query = use_query_map().read_untracked();
    let easy = query.get("easy").is_some_and(|v| v == "1");
    let list = query.get("list").map(|v| crate::domain::shortlist::parse_list(&v)).unwrap_or_default();
    let data = OnceResource::new(get_offer(locale.as_str().to_owned(), slug));
    let offer = move || {
        let list = list.clone();
        Suspend::new(async move {
            match data.await {
                Ok(offer) => view! { <OfferView offer locale easy list/> }.into_any(),
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{offer}</Suspense> }.into_any()
}

#[component]
fn OfferView(offer: OfferDetail, locale: Locale, easy: bool, list: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale.as_str();
    let on_list = list.contains(&offer.slug);
    let toggled = crate::domain::shortlist::toggled(&list, &offer.slug);
    let save_href = match toggled.is_empty() {
        true => "?".to_owned(),
        false => format!("?list={}", crate::domain::shortlist::list_value(&toggled)),
    };
    // Back to the board of the offer's (first) quarter, at its card, with the shortlist.
    let back = offer.quarters.first().map(|q| {
        let href = format!(
            "/{lang}/{}{}{}",
            q.slug,
            crate::ui::components::board_cards::offer_query(&list),
            format_args!("#{}", crate::ui::components::board_cards::card_id(&offer.slug))
        );
        let words = t_string!(i18n, offer.back_to, quarter = q.name.clone()).to_string();
        view! { <a class="back-link" href=href><IconView name=Icon::Back.name()/> <span>{words}</span></a> }
    });
    let shortlist_link = (!list.is_empty()).then(|| {
        let href = format!("/{lang}/list?list={}", crate::domain::shortlist::list_value(&list));
        view! {
            <a class="shortlist-link" href=href>
                <IconView name=Icon::Star.name()/>
                <span>{t!(i18n, shortlist.title)}</span>
                " "
                <span class="shortlist-count">{list.len()}</span>
            </a>
        }
    });
    let title = format!("{} – {}", offer.title, t_string!(i18n, site.name));
    let summary: String = offer.description.chars().take(200).collect();
    let who = {
        let mut parts = vec![age_text(offer.ages)];
        parts.extend(offer.audiences.iter().map(|a| labels::audience(i18n, *a).to_owned()));
        parts.join(" · ")
    };
    let cost = match offer.cost {
        Cost::Free => t_string!(i18n, offer.free).to_owned(),
        Cost::Amount(text) => text,
    };
    let languages = offer
        .languages
        .iter()
        .map(|code| labels::spoken_language(i18n, code))
        .collect::<Vec<_>>()
        .join(t_string!(i18n, summary.list_separator));
    let registration = if offer.registration.required {
        let how = offer.registration.how.unwrap_or_default();
        format!("{} {how}", t_string!(i18n, offer.registration_needed)).trim_end().to_owned()
    } else {
        t_string!(i18n, offer.no_registration).to_owned()
    };
    let calendar_href = format!("/feeds/{}/offers/{}.ics", locale.as_str(), offer.slug);
    let (osm_href, geo_href) = map_links(&offer.place);
    let place = offer.place;
    let org = offer.organisation;
    let contact = offer.contact;
    let confirmed = crate::ui::date_format::date(locale, offer.last_confirmed);
    let quarter_links = offer
        .quarters
        .into_iter()
        .map(|q| view! { <li><a href=format!("/{}/{}", locale.as_str(), q.slug)>{q.name}</a></li> })
        .collect_view();
    view! {
        <PageFrame title description=summary image=format!("/qr/o/{}/{}.png", offer.slug, locale.as_str()) share=false>
            {back}
            <article class="offer-detail">
                <h1 lang=offer.lang.clone() dir="auto">{offer.title.clone()}</h1>
                <UntranslatedMark lang=offer.lang.clone()/>
                <div class="offer-actions">
                    <p class=format!("badge category cat-{}", offer.category.code())><IconView name=category_name(offer.category)/> {labels::category(i18n, offer.category)}</p>
                    <a class="save" href=save_href rel="nofollow" aria-current=on_list.then_some("true")>
                        <IconView name=Icon::Star.name()/>
                        <span>{if on_list { t!(i18n, shortlist.saved).into_any() } else { t!(i18n, shortlist.add).into_any() }}</span>
                    </a>
                    {shortlist_link}
                </div>
                <Description text=offer.description lang=offer.lang easy=offer.easy_description.filter(|_| locale == Locale::de) show_easy=easy/>
                <dl class="facts">
                    <dt>{t!(i18n, offer.when)}</dt>
                    <dd><ScheduleSummary schedules=offer.schedules today=offer.today/></dd>
                    <dt>{t!(i18n, offer.who)}</dt>
                    <dd>{who}</dd>
                    <dt>{t!(i18n, offer.cost)}</dt>
                    <dd>{cost}</dd>
                    <dt>{t!(i18n, offer.registration)}</dt>
                    <dd>{registration}</dd>
                    {(!languages.is_empty()).then(|| view! {
                        <dt>{t!(i18n, offer.languages)}</dt>
                        <dd>{languages}</dd>
                    })}
                </dl>
                {(!offer.upcoming.is_empty()).then(|| view! {
                    <section aria-labelledby="dates-heading">
                        <h2 id="dates-heading">{t!(i18n, offer.next_dates)}</h2>
                        <OccurrenceList occurrences=offer.upcoming/>
                        <p><a href=calendar_href.clone() download="">{t!(i18n, offer.add_to_calendar)}</a></p>
                    </section>
                })}
                <section aria-labelledby="where-heading">
                    <h2 id="where-heading">{t!(i18n, offer.where_heading)}</h2>
                    <p class="place-name">{place.name}</p>
                    <p><bdi>{place.address.to_string()}</bdi></p>
                    <ul class="access">
                        {place.access.step_free.then(|| view! { <li>{t!(i18n, offer.step_free)}</li> })}
                        {place.access.accessible_toilet.then(|| view! { <li>{t!(i18n, offer.accessible_toilet)}</li> })}
                    </ul>
                    {place.opening_hours.map(|h| view! { <p>{t!(i18n, offer.opening_hours)} ": " {h}</p> })}
                    <p><a href=osm_href rel="noopener">{t!(i18n, offer.map_link)}</a></p>
                    <p><a href=geo_href>{t!(i18n, offer.map_app)}</a></p>
                </section>
                {(!contact.is_empty()).then(|| view! {
                    <section aria-labelledby="contact-heading">
                        <h2 id="contact-heading">{t!(i18n, offer.contact)}</h2>
                        {contact.name.map(|n| view! { <p>{n}</p> })}
                        {contact.phone.map(|p| view! { <p><a class="phone" href=tel_href(&p) dir="ltr">{p.clone()}</a></p> })}
                        {contact.email.map(|e| view! { <p><a href=format!("mailto:{e}") dir="ltr">{e.clone()}</a></p> })}
                    </section>
                })}
                <section aria-labelledby="org-heading">
                    <h2 id="org-heading">{t!(i18n, offer.organisation)}</h2>
                    <p class="org-name">{org.name} " (" {labels::org_kind(i18n, org.kind)} ")"</p>
                    <RichText text=org.description class="org-description" lang="de"/>
                    {org.phone.map(|p| view! { <p><a class="phone" href=tel_href(&p) dir="ltr">{p.clone()}</a></p> })}
                    {org.email.map(|e| view! { <p><a href=format!("mailto:{e}") dir="ltr">{e.clone()}</a></p> })}
                    {org.website.map(|w| view! { <p><a href=w.clone() rel="noopener" dir="ltr">{w.clone()}</a></p> })}
                </section>
                <section aria-labelledby="quarters-heading">
                    <h2 id="quarters-heading">{t!(i18n, offer.quarters)}</h2>
                    <ul class="quarter-links">{quarter_links}</ul>
                </section>
                <script type="application/ld+json" inner_html=offer.json_ld></script>
                <section aria-labelledby="share-heading" class="share">
                    <h2 id="share-heading">{t!(i18n, offer.share_heading)}</h2>
                    <p>{t!(i18n, offer.share_text)}</p>
                    <ShareButton
                        url=offer.url.clone()
                        title=offer.title.clone()
                        label=t_string!(i18n, offer.share_button).to_string()
                        copied_note=t_string!(i18n, offer.link_copied).to_string()
                    />
                    <p><a href=offer.short_url.clone() dir="ltr" class="share-url">{offer.short_url.clone()}</a></p>
                    {offer.qr_svg.map(|svg| view! { <div class="qr" inner_html=svg></div> })}
                </section>
                <p class="confirmed">{t!(i18n, offer.last_confirmed, date = confirmed)}</p>
            </article>
        </PageFrame>
    }
}

/// The description, with a switch to the easy-German version where one exists (German pages).
#[component]
fn Description(text: String, lang: String, easy: Option<String>, show_easy: bool) -> impl IntoView {
    let i18n = use_i18n();
    match easy {
        None => view! { <RichText text class="description" lang/> }.into_any(),
        Some(easy) if show_easy => view! {
            <RichText text=easy class="description easy" lang="de"/>
            <p><a href="?">{t!(i18n, offer.usual_language)}</a></p>
        }
        .into_any(),
        Some(_) => view! {
            <RichText text class="description" lang/>
            <p><a href="?easy=1">{t!(i18n, offer.easy_language)}</a></p>
        }
        .into_any(),
    }
}

/// A link to the place on openstreetmap.org and a `geo:` link for the phone's map app; by
/// coordinates when known, else by address. Links only: no map is embedded, nothing loads from
/// elsewhere until the resident taps.
fn map_links(place: &crate::domain::place::Place) -> (String, String) {
    match place.coordinates {
        Some(c) => (
            format!("https://www.openstreetmap.org/?mlat={0}&mlon={1}#map=18/{0}/{1}", c.lat, c.lon),
            format!("geo:{0},{1}?q={0},{1}", c.lat, c.lon),
        ),
        None => {
            let q = crate::ui::locale::encode_query_value(&place.address.to_string());
            (format!("https://www.openstreetmap.org/search?query={q}"), format!("geo:0,0?q={q}"))
        }
    }
}
