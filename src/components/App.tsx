export function App() {
  return <h1>KL Lab</h1>;
}
