import { useT } from '../i18n/I18n';
import { Article } from './article';
import { Lessons } from './lessons';

/** The reading column: the article and the lessons, with KaTeX. Loaded after the panel's first paint. */
export default function Reading() {
  const t = useT();
  return (
    <div className="reading">
      <p className="lab-intro">{t('lab.intro')}</p>
      <Article />
      <Lessons />
    </div>
  );
}
