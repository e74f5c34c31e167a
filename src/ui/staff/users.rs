//! `/<lang>/staff/users`: administrators invite people, hand out reset links, disable accounts
//! and decide which roles need a second factor.

use super::frame::StaffFrame;
use super::labels;
use crate::domain::staff::{Role, StaffUser};
use crate::i18n::*;
use crate::serverfns::users::{
    get_users, InviteUser, ResetLink, SetRoleTotp, SetUserDisabled, UsersPage as Page,
};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn UsersPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let data = OnceResource::new(get_users());
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <Users page/> }.into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.users_title)>
            <h1>{t!(i18n, staff.users_title)}</h1>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn Users(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let roles = Role::ALL
        .iter()
        .map(|r| view! { <option value=r.code()>{labels::role(i18n, *r)}</option> })
        .collect_view();
    let orgs = page
        .organisations
        .iter()
        .map(|o| view! { <option value=o.slug.clone()>{o.name.clone()}</option> })
        .collect_view();
    let quarters = page
        .quarters
        .iter()
        .map(|q| {
            let id = format!("invite-q-{}", q.slug);
            let for_id = id.clone();
            view! { <label class="check" for=for_id><input type="checkbox" id=id name="quarters[]" value=q.slug.clone()/> " " {q.name.clone()}</label> }
        })
        .collect_view();
    let rows = page.users.into_iter().map(|u| view! { <UserRow user=u/> }).collect_view();
    let role_settings =
        page.roles.into_iter().map(|(r, required)| view! { <RoleTotp role=r required/> }).collect_view();
    view! {
        {page.new_link.map(|l| view! {
            <section class="notice ok new-link" role="status">
                <p>{t!(i18n, staff.new_link)}</p>
                <p><code dir="ltr" class="link-to-hand-over">{l}</code></p>
            </section>
        })}
        <section aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t!(i18n, staff.invite_heading)}</h2>
            <p>{t!(i18n, staff.invite_intro)}</p>
            <form method="post" action={super::action::<InviteUser>()} class="staff-form narrow">
                <div class="field"><label for="invite-email">{t!(i18n, staff.email)}</label><input id="invite-email" name="email" type="email" required/></div>
                <div class="field"><label for="invite-role">{t!(i18n, staff.role)}</label><select id="invite-role" name="role">{roles}</select></div>
                <div class="field"><label for="invite-org">{t!(i18n, staff.organisation)}</label>
                    <select id="invite-org" name="organisation"><option value="">"–"</option>{orgs}</select></div>
                <fieldset class="field checks"><legend>{t!(i18n, staff.quarters)}</legend>{quarters}</fieldset>
                <button type="submit" class="button">{t!(i18n, staff.invite_button)}</button>
            </form>
        </section>
        <section aria-labelledby="users-heading">
            <h2 id="users-heading">{t!(i18n, staff.users_title)}</h2>
            <div class="table-scroll">
                <table class="staff-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, staff.col_email)}</th>
                        <th scope="col">{t!(i18n, staff.col_name)}</th>
                        <th scope="col">{t!(i18n, staff.col_role)}</th>
                        <th scope="col">{t!(i18n, staff.col_scope)}</th>
                        <th scope="col">{t!(i18n, staff.col_state)}</th>
                        <th scope="col">{t!(i18n, staff.col_actions)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">{t!(i18n, staff.roles_heading)}</h2>
            <ul class="role-settings">{role_settings}</ul>
        </section>
    }
}

#[component]
fn UserRow(user: StaffUser) -> impl IntoView {
    let i18n = use_i18n();
    let scope =
        user.organisation.clone().into_iter().chain(user.quarters.clone()).collect::<Vec<_>>().join(", ");
    let state = if user.disabled { t_string!(i18n, staff.disabled) } else { t_string!(i18n, staff.active) };
    let (toggle, label) = if user.disabled {
        ("false", t_string!(i18n, staff.enable))
    } else {
        ("true", t_string!(i18n, staff.disable))
    };
    view! {
        <tr data-user=user.email.clone()>
            <th scope="row" dir="ltr">{user.email.clone()}</th>
            <td>{user.name.clone()}</td>
            <td>{labels::role(i18n, user.role)}</td>
            <td>{scope}</td>
            <td>{state} {user.totp.then(|| view! { " · " {t!(i18n, staff.totp_on)} })}</td>
            <td class="row-actions">
                <form method="post" action={super::action::<SetUserDisabled>()}>
                    <input type="hidden" name="user" value=user.id/>
                    <input type="hidden" name="disabled" value=toggle/>
                    <button type="submit" class="button small secondary" aria-label=format!("{label}: {}", user.email)>{label}</button>
                </form>
                <form method="post" action={super::action::<ResetLink>()}>
                    <input type="hidden" name="user" value=user.id/>
                    <button type="submit" class="button small secondary"
                        aria-label=format!("{}: {}", t_string!(i18n, staff.reset_password), user.email)>{t!(i18n, staff.reset_password)}</button>
                </form>
            </td>
        </tr>
    }
}

#[component]
fn RoleTotp(role: Role, required: bool) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("totp-{}", role.code());
    let label = format!("{}: {}", labels::role(i18n, role), t_string!(i18n, staff.require_totp));
    view! {
        <li>
            <form method="post" action={super::action::<SetRoleTotp>()} class="inline-form">
                <input type="hidden" name="role" value=role.code()/>
                <label for=id.clone()>{label}</label>
                " "
                <select id=id name="required">
                    <option value="false" selected=!required>{t!(i18n, staff.totp_no)}</option>
                    <option value="true" selected=required>{t!(i18n, staff.totp_yes)}</option>
                </select>
                " "
                <button type="submit" class="button small secondary">{t!(i18n, staff.save)}</button>
            </form>
        </li>
    }
}
