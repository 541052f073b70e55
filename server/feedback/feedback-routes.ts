import { Router } from 'express';
import { flash } from '../accounts/session-cookie.ts';
import type { Db } from '../db/connection.ts';
import { showFormAgain } from '../http/refused-form.ts';
import { giveFeedback, voteHelpful } from './feedback-service.ts';

/** The "worked / didn't work" and "was this helpful" buttons on the entry page (they work without JavaScript). */
export function feedbackRoutes(db: Db) {
  const router = Router();

  router.post('/entries/:id/feedback', (req, res) => {
    const id = req.params.id;
    const back = `/entries/${id}${req.body?.sort === 'success' ? '?sort=success' : ''}`;
    try {
      const given = giveFeedback(db, res.locals.user, id, req.body);
      flash(db, res, given.worked ? req.t('feedback.notedWorked', { title: given.title }) : req.t('feedback.notedFailed', { title: given.title }));
      res.redirect(`${back}#option-${given.option}`);
    } catch (error) {
      // Only buttons were pressed, so nothing typed is lost: say why and show the entry as it is now.
      showFormAgain(res, error, ({ message }) => {
        flash(db, res, message);
        res.redirect(back);
      });
    }
  });

  router.post('/entries/:id/helpful', (req, res) => {
    const { helpful } = voteHelpful(db, res.locals.user, req.params.id, req.body);
    flash(db, res, helpful ? req.t('helpful.thanksYes') : req.t('helpful.thanksNo'));
    res.redirect(`/entries/${req.params.id}#helpful`);
  });

  return router;
}
