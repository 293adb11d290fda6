export default defineBackground(() => {
  console.log('Crosscheck background started');
});
