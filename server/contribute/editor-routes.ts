import { Router, type Request, type Response } from 'express';
import { requirePermission } from '../people/permissions.ts';
import type { User } from '../people/user.ts';
import { flash } from '../accounts/session-cookie.ts';
import { listCategories } from '../categories/category-queries.ts';
import { slugify } from '../validation/slug.ts';
import type { Db } from '../db/connection.ts';
import { entrySchema } from '../entries/entry.ts';
import { findEntry } from '../entries/entry-queries.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { flagIds } from '../flags/flag-service.ts';
import { flagsToResolve } from '../flags/flag-view.ts';
import { diffEntries } from '../revisions/entry-diff.ts';
import { idIsProposed } from './proposal-queries.ts';
import { proposalParam } from './visible-proposal.ts';
import { EditConflict } from '../entries/edit-conflict.ts';
import { reviseOwnProposal, submitEdit, submitNewEntry, type Submission } from './contribute-service.ts';
import { editorView, type EditorExtras, type EditorPage } from './editor-view.ts';
import { applyOptionAction, draftErrors, draftFromEntry, draftFromForm, entryInput, type EntryDraft } from './entry-form.ts';
import { entryParam, visibleStatuses } from '../entries/visible-entry.ts';

/** The entry editor: propose a new entry, propose or make an edit, revise a proposal. */
export function editorRoutes(db: Db) {
  const router = Router();
  entryParam(router, db);
  proposalParam(router, db);
  // Only categories of entries this person may see: a draft-only category's name is not shown to agents.
  const categories = (user: User) => listCategories(db, visibleStatuses(user)).map((c) => c.name);

  const render = (res: Response, page: EditorPage, draft: EntryDraft, extras: Partial<EditorExtras> = {}) => {
    const user = requirePermission(res.locals.user, 'propose');
    res.render('contribute/editor', { title: res.req.t(page.heading, { title: page.entryTitle }), ...editorView(page, draft, user, { categories: categories(user), ...extras }) });
  };

  /** One flow for every editor form: option buttons, preview, field errors, conflicts, then submit. */
  const handlePost = (req: Request, res: Response, page: EditorPage, id: string, submit: (draft: EntryDraft) => Submission) => {
    requirePermission(res.locals.user, 'propose');
    const draft = draftFromForm(req.body ?? {});
    const action = typeof req.body?.action === 'string' ? req.body.action : 'save';
    if (applyOptionAction(draft, action)) return render(res, page, draft);
    const errors = draftErrors(draft, id);
    if (Object.keys(errors).length) return render(res.status(400), page, draft, { errors });
    if (action === 'preview') return render(res, page, draft, { preview: entrySchema.parse(entryInput(draft, id)) });
    try {
      const done = submit(draft);
      if (done.outcome === 'saved') {
        flash(db, res, req.t('editor.saved', { revision: done.revision }));
        return res.redirect(`/entries/${done.entryId}`);
      }
      flash(db, res, req.t('editor.sent'));
      res.redirect('/my/drafts');
    } catch (error) {
      showFormAgain(res, error, ({ message, field, error }) => {
        if (error instanceof EditConflict) {
          const conflict = { revision: error.current.revision, author: '', sections: diffEntries(error.current.entry, error.yours) };
          return render(res, page, { ...draft, baseRevision: String(error.current.revision) }, { conflict });
        }
        render(res, page, draft, { errors: { [field ?? 'form']: message } });
      });
    }
  };

  const newPage: EditorPage = {
    heading: 'editor.newHeading',
    intro: 'editor.newIntro',
    actionUrl: '/entries/new',
    submitLabel: 'editor.submit',
    cancelUrl: '/',
  };

  router.get('/entries/new', (req, res) => {
    const draft = draftFromEntry(null, null);
    if (typeof req.query.title === 'string') draft.title = req.query.title.slice(0, 200);
    if (typeof req.query.phrasing === 'string') {
      draft.phrasings = req.query.phrasing.slice(0, 300);
      draft.fromSearch = draft.phrasings;
    }
    render(res, newPage, draft);
  });

  router.post('/entries/new', (req, res) => {
    const title = typeof req.body?.title === 'string' ? req.body.title : '';
    const id = freeId(db, title);
    // Started from a content gap (fromSearch): that search now has its entry.
    handlePost(req, res, newPage, id, (draft) => submitNewEntry(db, res.locals.user, entryInput(draft, id), draft.why, draft.fromSearch));
  });

  /** `ticked`: open flags a lead marks as resolved by this edit (from the flags queue, or the form). */
  const editPage = (res: Response, id: string, title: string, ticked: unknown): EditorPage => ({
    heading: 'editor.editHeading',
    entryTitle: title,
    intro: 'editor.editIntro',
    actionUrl: `/entries/${id}/edit`,
    submitLabel: 'editor.save',
    cancelUrl: `/entries/${id}`,
    flags: flagsToResolve(db, res.locals.user, id, flagIds(ticked)),
  });

  router.get('/entries/:id/edit', (req, res) => {
    const current = res.locals.entry!;
    const page = editPage(res, current.entry.id, current.entry.title, req.query.resolves);
    render(res, page, draftFromEntry(current.entry, current.revision));
  });

  router.post('/entries/:id/edit', (req, res) => {
    const current = res.locals.entry!;
    const id = current.entry.id;
    handlePost(req, res, editPage(res, id, current.entry.title, req.body?.resolvesFlag), id, (draft) =>
      submitEdit(db, res.locals.user, id, entryInput(draft, id), draft.baseRevision, draft.why, req.body?.resolvesFlag),
    );
  });

  const proposalPage = (proposalId: number, title: string): EditorPage => ({
    heading: 'editor.reviseHeading',
    entryTitle: title,
    intro: 'editor.reviseIntro',
    actionUrl: `/proposals/${proposalId}/edit`,
    submitLabel: 'editor.sendBack',
    cancelUrl: `/proposals/${proposalId}`,
  });

  router.get('/proposals/:proposal/edit', (_req, res) => {
    const proposal = res.locals.proposal!;
    render(res, proposalPage(proposal.id, proposal.entry.title), draftFromEntry(proposal.entry, proposal.baseRevision));
  });

  router.post('/proposals/:proposal/edit', (req, res) => {
    const proposal = res.locals.proposal!;
    handlePost(req, res, proposalPage(proposal.id, proposal.entry.title), proposal.entryId, (draft) =>
      reviseOwnProposal(db, res.locals.user, proposal.id, entryInput(draft, proposal.entryId), draft.why),
    );
  });

  return router;
}

/** A readable id from the title that no entry or waiting proposal uses yet. */
function freeId(db: Db, title: string): string {
  // Ids are plain ASCII slugs; a title in another script gets a neutral one.
  const base = slugify(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 80).replace(/-+$/, '') || 'entry';
  let id = base;
  for (let n = 2; findEntry(db, id) || idIsProposed(db, id); n++) id = `${base}-${n}`;
  return id;
}
