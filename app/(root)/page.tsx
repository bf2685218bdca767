import { LocaleRedirect } from '@/components/shell/LocaleRedirect';

/** `/` sends the browser on to its language: the saved choice, else its own languages, else English. */
export default function Root() {
  return <LocaleRedirect />;
}
